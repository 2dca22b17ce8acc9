package org.fangpin.web;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.http.HttpStatus;

/**
 * Tomcat's error report for requests it refuses before the service sees them (a malformed URI or header), as a
 * problem detail instead of an HTML page. Tomcat creates it by class name, so it cannot use the message bundle; the
 * few texts it needs are here.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		String language = request.getHeader("Accept-Language");
		boolean english = language != null && language.trim().toLowerCase().startsWith("en");
		HttpStatus known = HttpStatus.resolve(status);
		String title = english ? ((known != null) ? known.getReasonPhrase() : "Error")
				: (status < 500 ? "请求错误" : "服务内部错误");
		String detail = english ? "The request was refused before it reached the service (HTTP " + status + ")"
				: "请求在到达服务之前被拒绝（HTTP " + status + "）";
		String body = "{\"type\":\"urn:fangpin:problem:http-" + status + "\",\"title\":\"" + title
				+ "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}";
		try {
			response.setContentType("application/problem+json");
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(body);
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The connection is gone or the response committed: nothing more to tell
		}
	}

}

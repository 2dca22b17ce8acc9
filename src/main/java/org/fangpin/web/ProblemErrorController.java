package org.fangpin.web;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The container's error page, as a problem detail like every other error: requests refused before Spring MVC sees
 * them (Spring Security's firewall, a method the container does not serve) are forwarded here. Replaces Boot's own
 * error controller, whose JSON is not a problem.
 */
@Hidden
@Controller
class ProblemErrorController implements ErrorController {

	private final ProblemResponses problems;

	ProblemErrorController(ProblemResponses problems) {
		this.problems = problems;
	}

	@RequestMapping("${server.error.path:/error}")
	void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (response.isCommitted()) {
			return;
		}
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		// Asked for directly rather than forwarded: there is nothing at this address
		HttpStatus status = (code instanceof Integer value && HttpStatus.resolve(value) != null)
				? HttpStatus.resolve(value) : HttpStatus.NOT_FOUND;
		String uri = ProblemResponses.instance(request);
		ProblemDetail problem;
		if (status == HttpStatus.NOT_FOUND) {
			problem = this.problems.create(request, status, "http-404", uri);
		}
		else if (status.is5xxServerError()) {
			problem = this.problems.create(request, status, "internal");
		}
		else {
			String slug = "http-" + status.value();
			// Not the method: on a request the container refused, the forwarded one may no longer carry it
			problem = this.problems.create(request, status, "refused", uri, status.value());
			problem.setType(Problems.type(slug));
			String title = this.problems.message(request, "problem." + slug + ".title");
			if (title != null) {
				problem.setTitle(title);
			}
		}
		response.resetBuffer();
		this.problems.write(request, response, problem);
	}

}

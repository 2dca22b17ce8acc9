package org.fangpin.web;

import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.server.RequestPath;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Whether the service has an endpoint for a request, asked before Spring MVC sees it: security refuses every request
 * that no rule names, and uses this to tell a caller that an address or a method does not exist (404, 405) rather
 * than that their roles forbid it.
 */
@Component
public class Endpoints {

	/** What the service maps at a request's address: an endpoint for its method, for other methods, or none. */
	public enum Kind {

		THIS_METHOD, OTHER_METHODS, NONE

	}

	/** What was found, with the methods the address takes when they are {@link Kind#OTHER_METHODS other}. */
	public record Found(Kind kind, Set<String> allowed) {

		/** An endpoint for the request's method. */
		public static final Found MAPPED = new Found(Kind.THIS_METHOD, Set.of());

	}

	private final ObjectProvider<HandlerMapping> mappings;

	public Endpoints(@Qualifier("requestMappingHandlerMapping") ObjectProvider<HandlerMapping> mappings) {
		this.mappings = mappings;
	}

	public Found lookUp(HttpServletRequest request) {
		HandlerMapping mapping = this.mappings.getIfAvailable();
		if (mapping == null) {
			return Found.MAPPED;
		}
		RequestPath previous = ServletRequestPathUtils.hasParsedRequestPath(request)
				? ServletRequestPathUtils.getParsedRequestPath(request) : null;
		ServletRequestPathUtils.parseAndCache(request);
		try {
			return (mapping.getHandler(request) != null) ? Found.MAPPED : new Found(Kind.NONE, Set.of());
		}
		catch (HttpRequestMethodNotSupportedException ex) {
			Set<String> allowed = new TreeSet<>();
			if (ex.getSupportedMethods() != null) {
				allowed.addAll(Set.of(ex.getSupportedMethods()));
			}
			return new Found(Kind.OTHER_METHODS, allowed);
		}
		catch (Exception ex) {
			// Mapped, but not for this request's content type or parameters: the endpoint exists
			return Found.MAPPED;
		}
		finally {
			if (previous != null) {
				ServletRequestPathUtils.setParsedRequestPath(previous, request);
			}
			else {
				ServletRequestPathUtils.clearParsedRequestPath(request);
			}
		}
	}

}

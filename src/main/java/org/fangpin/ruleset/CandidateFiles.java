package org.fangpin.ruleset;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Candidate rule set files as the API receives them, for validation and for an impact analysis alike: a JSON object
 * of path to content (null deletes a file), paths relative to {@code rules/} that may not leave it.
 */
public final class CandidateFiles {

	private CandidateFiles() {
	}

	/** The files of a JSON object of path to content; a 400 names what is wrong. */
	public static Map<String, String> of(JsonNode files) {
		if (files == null || !files.isObject()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"expected a JSON object mapping each file's path to its content");
		}
		Map<String, String> candidate = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> file : files.properties()) {
			if (!file.getValue().isNull() && !file.getValue().isString()) {
				throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
						"the content of " + file.getKey() + " must be a string or null");
			}
			candidate.put(path(file.getKey()), file.getValue().isNull() ? null : file.getValue().stringValue());
		}
		return candidate;
	}

	/** A file's path in the rule set: a leading {@code rules/} is dropped; a path that leaves the rule set is a 400. */
	public static String path(String name) {
		String path = name.replace('\\', '/');
		if (path.startsWith("rules/")) {
			path = path.substring("rules/".length());
		}
		if (path.isBlank() || path.startsWith("/") || List.of(path.split("/")).contains("..")) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "not a rule set path: " + name);
		}
		return path;
	}

}

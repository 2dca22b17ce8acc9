package org.fangpin.assessment;

/** Thrown when no assessment has the requested id. */
public class AssessmentNotFoundException extends RuntimeException {

	private final String id;

	public AssessmentNotFoundException(String id) {
		super("No assessment has the id " + id);
		this.id = id;
	}

	public String id() {
		return this.id;
	}

}

package org.fangpin.rules;

/**
 * A rule of a rule set and its metadata: the stable id, the policy clause it implements, descriptions in Chinese
 * and English, the policy reference and the file it lives in.
 */
public record RuleInfo(String id, String name, String packageName, String file, String clause,
		LocalizedText description, String reference, int salience) {

}

package org.fangpin.rules.facts;

/** D9: a member in school (compulsory, high school, vocational or university). */
public record Student(int member) {

}

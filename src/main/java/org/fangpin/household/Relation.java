package org.fangpin.household;

/** The codes of {@code Relation} in a household profile, as listed in the API contract. */
public enum Relation {

	HEAD, SPOUSE, CHILD, PARENT, GRANDCHILD, GRANDPARENT, SIBLING, OTHER

}

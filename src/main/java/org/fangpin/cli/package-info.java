/**
 * The command line for policy staff and batch work, with no server and no database: {@code check} validates a rule
 * set against the test cases, {@code assess} evaluates one profile file.
 */
package org.fangpin.cli;

/**
 * The reviewer console: a page served at {@code /console} that reads the assessment and review API from the
 * browser, with the same origin and credentials as any other caller. The page itself is static (HTML, JavaScript
 * and CSS under {@code static/console/}, no build step, nothing fetched from elsewhere); this package only maps
 * its address.
 */
package org.fangpin.console;

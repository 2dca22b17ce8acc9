package org.fangpin.rules;

import java.util.Locale;

/** A text in Chinese and in English; {@link #in(Locale)} picks one, Chinese by default. */
public record LocalizedText(String zh, String en) {

	public String in(Locale locale) {
		if (locale != null && "en".equals(locale.getLanguage()) && this.en != null) {
			return this.en;
		}
		return (this.zh != null) ? this.zh : this.en;
	}

}

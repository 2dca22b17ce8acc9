package org.fangpin.screening;

import java.time.LocalDate;
import java.util.function.Function;

import org.fangpin.household.HouseholdProfile;
import org.fangpin.household.ProfileReader;
import org.fangpin.rules.Evaluation;
import org.fangpin.rules.RuleSet;
import tools.jackson.databind.JsonNode;

/**
 * Screens one line of a batch against one rule set: parse, read (every rule of the API contract), evaluate. It never
 * throws for a bad line: the problem comes back in the result, so the batch goes on. Safe to share between threads.
 */
public final class Screener {

	private final RuleSet ruleSet;

	private final ProfileReader reader;

	private final Function<byte[], JsonNode> parser;

	private final LocalDate today;

	private final int maxLineBytes;

	/**
	 * @param parser parses one line strictly (it throws on malformed JSON); for CSV it converts a row
	 * @param today the date {@code asOf} defaults to and must not be after
	 */
	public Screener(RuleSet ruleSet, Function<byte[], JsonNode> parser, LocalDate today, int maxLineBytes) {
		this.ruleSet = ruleSet;
		this.reader = new ProfileReader(ruleSet.measureCodes());
		this.parser = parser;
		this.today = today;
		this.maxLineBytes = maxLineBytes;
	}

	public RuleSet ruleSet() {
		return this.ruleSet;
	}

	public Screened screen(ProfileLines.Line line) {
		return screen(parse(line));
	}

	/**
	 * A line parsed: its JSON and the household id it gives (null when it gives none, which reading then rejects),
	 * or the problem that ends it (too long, or not parsed).
	 */
	public record Parsed(long number, JsonNode json, String householdId, Screened problem) {

		/** The same line with other JSON for the same household, for a step between parsing and evaluating. */
		public Parsed withJson(JsonNode other) {
			return (this.problem != null) ? this : new Parsed(this.number, other, this.householdId, null);
		}

	}

	/** The first half of {@link #screen(ProfileLines.Line)}: parsing, which never throws either. */
	public Parsed parse(ProfileLines.Line line) {
		if (line.tooLong()) {
			return new Parsed(line.number(), null, null,
					new Screened(line.number(), null, null, null, new LineTooLongException(this.maxLineBytes), 0));
		}
		JsonNode json;
		try {
			json = this.parser.apply(line.bytes());
		}
		catch (RuntimeException ex) {
			return new Parsed(line.number(), null, null, new Screened(line.number(), null, null, null, ex, 0));
		}
		return new Parsed(line.number(), json, ProfileReader.householdIdOf(json), null);
	}

	/** The second half of {@link #screen(ProfileLines.Line)}: reading and evaluating a parsed line. */
	public Screened screen(Parsed parsed) {
		return (parsed.problem() != null) ? parsed.problem() : screen(parsed.number(), parsed.json());
	}

	public Screened screen(long number, JsonNode json) {
		String householdId = ProfileReader.householdIdOf(json);
		try {
			HouseholdProfile profile = this.reader.read(json, this.today);
			long start = System.nanoTime();
			Evaluation evaluation = this.ruleSet.evaluate(profile);
			return new Screened(number, householdId, json, evaluation, null, System.nanoTime() - start);
		}
		catch (RuntimeException ex) {
			return new Screened(number, householdId, json, null, ex, 0);
		}
	}

}

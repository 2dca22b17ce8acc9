package org.fangpin.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.fangpin.assessment.StoredAssessment;
import org.fangpin.assessment.web.AssessmentView;
import org.fangpin.impact.ImpactAnalysis;
import org.fangpin.impact.ImpactReport;
import org.fangpin.population.HouseholdGenerator;
import org.fangpin.rules.RuleSet;
import org.fangpin.rules.RuleSetLoader;
import org.fangpin.screening.CsvProfiles;
import org.fangpin.screening.OrderedParallel;
import org.fangpin.screening.ProfileLines;
import org.fangpin.screening.Screened;
import org.fangpin.screening.Screener;
import org.fangpin.screening.Tally;
import org.fangpin.web.JsonRequests;
import org.fangpin.web.ProblemMaps;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The commands over many households: {@code generate}, {@code screen} and {@code impact}. */
final class BatchCommands {

	/** The same output as the API: plain decimals, one JSON value a line. */
	static final JsonMapper LINES = JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

	private static final JsonMapper REPORT = JsonMapper.builder()
		.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
		.enable(SerializationFeature.INDENT_OUTPUT)
		.build();

	private static final int BLOCK = 500;

	private final PrintStream out;

	private final PrintStream err;

	BatchCommands(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	/** {@code generate --count N --seed S [--out FILE] [--as-of DATE] [--format ndjson|csv]}. */
	int generate(long count, long seed, Path file, LocalDate asOf, String format) throws IOException {
		boolean csv = "csv".equals(format)
				|| (format == null && file != null && file.toString().toLowerCase(Locale.ROOT).endsWith(".csv"));
		HouseholdGenerator generator = new HouseholdGenerator(seed, asOf);
		OutputStream target = (file != null) ? Files.newOutputStream(file) : this.out;
		try (OutputStream stream = new BufferedOutputStream(target, 1 << 20) {
			@Override
			public void close() throws IOException {
				flush();
				if (file != null) {
					super.close();
				}
			}
		}) {
			Progress progress = (file != null) ? new Progress(this.err, "generate", 0) : null;
			if (csv) {
				stream.write((CsvProfiles.headerLine() + "\n").getBytes(StandardCharsets.UTF_8));
			}
			for (long i = 0; i < count; i++) {
				JsonNode household = generator.household(i);
				if (csv) {
					stream.write(CsvProfiles.write(household).getBytes(StandardCharsets.UTF_8));
				}
				else {
					stream.write(LINES.writeValueAsBytes(household));
				}
				stream.write('\n');
				if (progress != null) {
					progress.update(i + 1, 0);
				}
			}
			if (progress != null) {
				progress.finish(count, 0);
			}
		}
		return 0;
	}

	/** {@code screen --in FILE.ndjson|FILE.csv --out FILE.ndjson [--rules DIR] [--lang en] [--compiled-dir DIR]}. */
	int screen(Path in, Path outFile, Path rules, Locale locale, int threads, RuleSetLoader loader) throws Exception {
		if (Files.exists(in) && Files.exists(outFile) && Files.isSameFile(in, outFile)) {
			this.err.println("--out " + outFile + " is the --in file: screening would overwrite the households it reads");
			return 2;
		}
		// A regular file is written beside it first and put in place only when every row is written, so that an
		// interrupted run leaves the earlier output whole and the partial one under a name that says so.
		boolean staged = !Files.exists(outFile) || Files.isRegularFile(outFile);
		Path written = staged ? outFile.resolveSibling(outFile.getFileName() + ".partial") : outFile;
		try {
			int status = screen(in, outFile, written, rules, locale, threads, loader);
			if (staged) {
				Files.move(written, outFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			return status;
		}
		finally {
			if (staged) {
				Files.deleteIfExists(written);
			}
		}
	}

	private int screen(Path in, Path outFile, Path written, Path rules, Locale locale, int threads,
			RuleSetLoader loader) throws Exception {
		try (RuleSet ruleSet = loader.load(rules);
				InputStream file = Files.newInputStream(in);
				OutputStream output = new BufferedOutputStream(Files.newOutputStream(written), 1 << 20);
				OrderedParallel workers = OrderedParallel.ofThreads(threads, "fangpin-screen")) {
			CountingInputStream counting = new CountingInputStream(file);
			ProfileLines lines = new ProfileLines(counting, ProfileLines.DEFAULT_MAX_LINE_BYTES);
			Function<byte[], JsonNode> parser = parser(in, lines);
			Screener screener = new Screener(ruleSet, parser, CommandLine.today(), ProfileLines.DEFAULT_MAX_LINE_BYTES);
			ProblemMaps problems = ProblemMaps.standalone();
			Tally tally = Tally.of(ruleSet.catalogue());
			Progress progress = new Progress(this.err, "screen", Files.size(in));
			long[] rows = { 0 };
			Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
			workers.run(lines, screener::screen, BLOCK, (inputs, outputs) -> {
				for (Screened screened : outputs) {
					Object line;
					if (screened.ok()) {
						tally.add(screened.evaluation());
						line = AssessmentView.of(new StoredAssessment(null, now, screened.profile(),
								screened.evaluation()), locale, false);
					}
					else {
						tally.addProblem();
						Map<String, Object> problem = new LinkedHashMap<>();
						problem.put("line", screened.line());
						problem.put("householdId", screened.householdId());
						problem.put("problem", problems.of(screened.problem(), locale));
						line = problem;
					}
					output.write(LINES.writeValueAsBytes(line));
					output.write('\n');
				}
				rows[0] += outputs.size();
				progress.update(rows[0], counting.count());
			});
			progress.finish(rows[0], counting.count());
			this.out.print(tally.toText());
			this.out.printf("rule set %s%s; %,d rows in %.1f s (%,.0f rows/s); written to %s%n", ruleSet.version(),
					ruleSet.reusedCompiledRules() ? " (compiled rules reused)" : "", rows[0], progress.seconds(),
					rows[0] / Math.max(1e-3, progress.seconds()), outFile);
			return 0;
		}
	}

	/**
	 * {@code impact --rules DIR --population FILE.ndjson [--against DIR] [--limit N] [--json FILE]
	 * [--compiled-dir DIR]}.
	 */
	int impact(Path candidateDir, Path population, Path activeDir, int limit, Path json, int threads,
			RuleSetLoader loader) throws Exception {
		try (RuleSet active = loader.load(activeDir);
				RuleSet candidate = loader.load(candidateDir);
				InputStream file = Files.newInputStream(population);
				OrderedParallel workers = OrderedParallel.ofThreads(threads, "fangpin-impact")) {
			ProfileLines lines = new ProfileLines(file, ProfileLines.DEFAULT_MAX_LINE_BYTES);
			Function<byte[], JsonNode> parser = parser(population, lines);
			long start = System.nanoTime();
			ImpactReport report = new ImpactAnalysis(workers, limit, ProfileLines.DEFAULT_MAX_LINE_BYTES)
				.run(active, candidate, lines, parser, CommandLine.today());
			double seconds = (System.nanoTime() - start) / 1e9;
			this.out.print(ImpactText.of(report, activeDir, candidateDir));
			this.out.printf("(%,d households in %.1f s on %d threads)%n", report.households(), seconds, threads);
			if (active.reusedCompiledRules() || candidate.reusedCompiledRules()) {
				this.out.printf("(compiled rules reused: %s %s, %s %s)%n", activeDir,
						active.reusedCompiledRules() ? "yes" : "no", candidateDir,
						candidate.reusedCompiledRules() ? "yes" : "no");
			}
			if (json != null) {
				REPORT.writeValue(json.toFile(), report);
				this.out.println("Full report: " + json);
			}
			return 0;
		}
	}

	/** JSON lines are parsed strictly; a CSV file's first line is its header. */
	private static Function<byte[], JsonNode> parser(Path file, Iterator<ProfileLines.Line> lines) {
		if (!file.toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
			return new JsonRequests()::parse;
		}
		if (!lines.hasNext()) {
			return new JsonRequests()::parse;
		}
		ProfileLines.Line header = lines.next();
		if (header.tooLong()) {
			throw new UncheckedIOException(new IOException(file + ": the CSV header line is too long"));
		}
		return new CsvProfiles(new String(header.bytes(), StandardCharsets.UTF_8))::read;
	}

}

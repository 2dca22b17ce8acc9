package org.fangpin.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The floor of NDJSON batch work: parse one line of the sample with Jackson and write it back, nothing else. The
 * HTTP batch throughput (src/bench/batch.sh) is compared with this, measured in the same run.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
@State(Scope.Benchmark)
public class JacksonRewriteBenchmark {

	List<byte[]> lines;

	final JsonMapper json = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
		.build();

	@Setup(Level.Trial)
	public void setUp() throws IOException {
		this.lines = Files.readAllLines(EvaluationBenchmark.POPULATION, StandardCharsets.UTF_8)
			.stream()
			.map((line) -> line.getBytes(StandardCharsets.UTF_8))
			.toList();
	}

	@Benchmark
	public byte[] parseAndRewrite(EvaluationBenchmark.Cursor cursor) {
		return this.json.writeValueAsBytes(this.json.readTree(this.lines.get(cursor.next(this.lines.size()))));
	}

}

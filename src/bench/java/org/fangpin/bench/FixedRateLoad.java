package org.fangpin.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load at a fixed rate, for the "p99 at 500 requests/s" figure: request i is due at start + i / rate
 * whether or not earlier ones have been answered, and its latency runs from when it was due, not from when a
 * connection got round to sending it (so a stalled service shows as latency instead of as fewer requests). wrk
 * cannot do this: its paced connections wait for each answer before the next gap.
 *
 * <pre>
 * java -cp CLASSPATH org.fangpin.bench.FixedRateLoad URL RATE[,RATE...] SECONDS NDJSON USER:PASSWORD
 * </pre>
 *
 * Each request posts the next line of the NDJSON file. After 10 s at the first rate to warm the client (not
 * reported), it runs SECONDS at each rate in turn and prints the rate reached, the answers by status and the
 * latency percentiles.
 */
public final class FixedRateLoad {

	private FixedRateLoad() {
	}

	public static void main(String[] args) throws Exception {
		URI uri = URI.create(args[0]);
		int[] rates = Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray();
		int seconds = Integer.parseInt(args[2]);
		List<String> bodies = Files.readAllLines(Path.of(args[3]), StandardCharsets.UTF_8)
			.stream()
			.filter((line) -> !line.isBlank())
			.toList();
		String authorization = "Basic "
				+ Base64.getEncoder().encodeToString(args[4].getBytes(StandardCharsets.UTF_8));
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		run(client, uri, bodies, authorization, rates[0], 10);
		for (int rate : rates) {
			System.out.println(run(client, uri, bodies, authorization, rate, seconds));
		}
	}

	private static String run(HttpClient client, URI uri, List<String> bodies, String authorization, int rate,
			int seconds) {
		int total = rate * seconds;
		long[] latencies = new long[total];
		Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
		AtomicInteger failures = new AtomicInteger();
		CompletableFuture<?>[] answers = new CompletableFuture<?>[total];
		long start = System.nanoTime();
		for (int i = 0; i < total; i++) {
			long due = start + (long) i * 1_000_000_000L / rate;
			long wait = due - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			HttpRequest request = HttpRequest.newBuilder(uri)
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/json")
				.header("Authorization", authorization)
				.POST(HttpRequest.BodyPublishers.ofString(bodies.get(i % bodies.size())))
				.build();
			int index = i;
			answers[i] = client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
				.whenComplete((response, failure) -> {
					latencies[index] = System.nanoTime() - due;
					if (failure != null) {
						failures.incrementAndGet();
					}
					else {
						statuses.computeIfAbsent(response.statusCode(), (status) -> new AtomicInteger())
							.incrementAndGet();
					}
				});
		}
		long sent = System.nanoTime();
		CompletableFuture.allOf(answers).exceptionally((failure) -> null).join();
		Arrays.sort(latencies);
		Map<Integer, Integer> byStatus = new TreeMap<>();
		statuses.forEach((status, count) -> byStatus.put(status, count.get()));
		return String.format("aimed=%d/s sent=%d in %.1fs (%.1f/s) statuses=%s failures=%d "
				+ "p50=%.1fms p90=%.1fms p99=%.1fms max=%.1fms", rate, total, (sent - start) / 1e9,
				total / ((sent - start) / 1e9), byStatus, failures.get(), millis(latencies, 0.50),
				millis(latencies, 0.90), millis(latencies, 0.99), latencies[total - 1] / 1e6);
	}

	private static double millis(long[] sorted, double quantile) {
		return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
	}

}

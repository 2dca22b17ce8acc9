package org.fangpin.cli;

import java.io.PrintStream;

/**
 * A one-line progress bar on the terminal's error stream: rows, rows a second and, when the total size is known,
 * the share done and the time left. Redrawn at most four times a second.
 */
final class Progress {

	private static final int WIDTH = 24;

	private final PrintStream err;

	private final String label;

	private final long totalBytes;

	private final long start = System.nanoTime();

	private long lastDraw;

	Progress(PrintStream err, String label, long totalBytes) {
		this.err = err;
		this.label = label;
		this.totalBytes = totalBytes;
	}

	void update(long rows, long bytes) {
		long now = System.nanoTime();
		if (now - this.lastDraw < 250_000_000L) {
			return;
		}
		this.lastDraw = now;
		draw(rows, bytes, false);
	}

	void finish(long rows, long bytes) {
		draw(rows, bytes, true);
		this.err.println();
	}

	double seconds() {
		return (System.nanoTime() - this.start) / 1e9;
	}

	private void draw(long rows, long bytes, boolean done) {
		double seconds = Math.max(1e-3, seconds());
		double rate = rows / seconds;
		StringBuilder line = new StringBuilder("\r[").append(this.label).append("] ");
		if (this.totalBytes > 0) {
			double share = done ? 1.0 : Math.min(1.0, (double) bytes / this.totalBytes);
			int filled = (int) Math.round(share * WIDTH);
			line.append('[').append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ");
			line.append(String.format("%5.1f%% ", share * 100));
			if (!done && share > 0) {
				line.append(" ETA ").append(clock(seconds * (1 - share) / share));
			}
		}
		line.append(String.format("  %,d rows  %,.0f rows/s  %s", rows, rate, clock(seconds)));
		this.err.print(line);
		this.err.flush();
	}

	private static String clock(double seconds) {
		long s = Math.round(seconds);
		return String.format("%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
	}

}

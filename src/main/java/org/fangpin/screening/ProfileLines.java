package org.fangpin.screening;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Reads a stream one line at a time, never holding more than one line of at most {@code maxLineBytes}: a longer
 * line is skipped to its end and reported as too long, so one bad line never stops the rest. Lines are numbered from
 * 1 as an editor numbers them; blank lines are counted but not returned. A trailing {@code \r} is dropped.
 */
public final class ProfileLines implements Iterator<ProfileLines.Line> {

	/** The default bound on one line: 1 MiB, far above any valid profile (30 members, 50 events). */
	public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;

	private final InputStream in;

	private final int maxLineBytes;

	private final byte[] buffer = new byte[64 * 1024];

	private int position;

	private int limit;

	private byte[] line = new byte[4096];

	private long number;

	private Line next;

	private boolean done;

	public ProfileLines(InputStream in, int maxLineBytes) {
		if (maxLineBytes < 1) {
			throw new IllegalArgumentException("'maxLineBytes' must be positive");
		}
		this.in = in;
		this.maxLineBytes = maxLineBytes;
	}

	/** One line: its number and bytes (without the line end), or {@code tooLong} with no bytes. */
	public record Line(long number, byte[] bytes, boolean tooLong) {

	}

	@Override
	public boolean hasNext() {
		if (this.next == null && !this.done) {
			this.next = read();
			this.done = (this.next == null);
		}
		return this.next != null;
	}

	@Override
	public Line next() {
		if (!hasNext()) {
			throw new NoSuchElementException();
		}
		Line line = this.next;
		this.next = null;
		return line;
	}

	private Line read() {
		try {
			while (true) {
				int length = 0;
				boolean tooLong = false;
				boolean sawAny = false;
				while (true) {
					if (this.position == this.limit) {
						this.limit = this.in.read(this.buffer, 0, this.buffer.length);
						this.position = 0;
						if (this.limit <= 0) {
							this.limit = 0;
							if (!sawAny) {
								return null;
							}
							break;
						}
					}
					sawAny = true;
					int start = this.position;
					int end = start;
					while (end < this.limit && this.buffer[end] != '\n') {
						end++;
					}
					int chunk = end - start;
					if (!tooLong) {
						if (length + chunk > this.maxLineBytes + 1) {
							tooLong = true;
						}
						else {
							append(start, chunk, length);
							length += chunk;
						}
					}
					this.position = (end < this.limit) ? end + 1 : end;
					if (end < this.limit) {
						break;
					}
				}
				this.number++;
				if (!tooLong && length > 0 && this.line[length - 1] == '\r') {
					length--;
				}
				if (!tooLong && length > this.maxLineBytes) {
					tooLong = true;
				}
				if (tooLong) {
					return new Line(this.number, null, true);
				}
				if (!blank(length)) {
					return new Line(this.number, Arrays.copyOf(this.line, length), false);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void append(int start, int chunk, int length) {
		if (length + chunk > this.line.length) {
			this.line = Arrays.copyOf(this.line, Math.max(this.line.length * 2, length + chunk));
		}
		System.arraycopy(this.buffer, start, this.line, length, chunk);
	}

	private boolean blank(int length) {
		for (int i = 0; i < length; i++) {
			byte b = this.line[i];
			if (b != ' ' && b != '\t' && b != '\r') {
				return false;
			}
		}
		return true;
	}

}

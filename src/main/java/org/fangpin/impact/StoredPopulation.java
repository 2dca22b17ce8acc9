package org.fangpin.impact;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

import org.fangpin.screening.ProfileLines;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The latest stored input of every household as lines, fed from the database query by a thread of its own through
 * a small queue: the population is read as it is screened, never held whole.
 */
final class StoredPopulation implements Iterator<ProfileLines.Line>, AutoCloseable {

	private static final ProfileLines.Line END = new ProfileLines.Line(-1, null, false);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(2048);

	private final Thread producer;

	private Object next;

	StoredPopulation(Consumer<Consumer<JsonNode>> source) {
		this.producer = new Thread(() -> {
			long[] number = { 0 };
			try {
				source.accept((profile) -> put(new ProfileLines.Line(++number[0], JSON.writeValueAsBytes(profile),
						false)));
				put(END);
			}
			catch (RuntimeException ex) {
				put(ex);
			}
		}, "fangpin-impact-population");
		this.producer.setDaemon(true);
		this.producer.start();
	}

	private void put(Object item) {
		try {
			this.queue.put(item);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	@Override
	public boolean hasNext() {
		if (this.next == null) {
			try {
				this.next = this.queue.take();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted", ex);
			}
		}
		if (this.next instanceof RuntimeException ex) {
			throw ex;
		}
		return this.next != END;
	}

	@Override
	public ProfileLines.Line next() {
		if (!hasNext()) {
			throw new NoSuchElementException();
		}
		ProfileLines.Line line = (ProfileLines.Line) this.next;
		this.next = null;
		return line;
	}

	@Override
	public void close() {
		this.producer.interrupt();
	}

}

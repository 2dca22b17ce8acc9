package org.fangpin.screening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs work on many items on every core while keeping their order and bounding memory: items are read in blocks,
 * each block is split across the workers, and the caller gets each block's results in order while the next block is
 * already running. At most two blocks are held at any time.
 */
public final class OrderedParallel implements AutoCloseable {

	private final ExecutorService executor;

	private final int threads;

	private final boolean owned;

	public OrderedParallel(ExecutorService executor, int threads) {
		this(executor, threads, false);
	}

	private OrderedParallel(ExecutorService executor, int threads, boolean owned) {
		if (threads < 1) {
			throw new IllegalArgumentException("'threads' must be positive");
		}
		this.executor = executor;
		this.threads = threads;
		this.owned = owned;
	}

	/** A pool of its own with one daemon worker per core (or {@code threads}), closed with this object. */
	public static OrderedParallel ofThreads(int threads, String name) {
		AtomicInteger count = new AtomicInteger();
		ThreadFactory factory = (runnable) -> {
			Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
		return new OrderedParallel(Executors.newFixedThreadPool(threads, factory), threads, true);
	}

	/** Receives each block's inputs and results, in order, on the calling thread. */
	@FunctionalInterface
	public interface BlockSink<I, O> {

		void accept(List<I> inputs, List<O> outputs) throws Exception;

	}

	/**
	 * Reads {@code source} in blocks of {@code blockSize}, applies {@code work} to every item on the workers and
	 * hands each block to {@code sink} in order. {@code work} should not throw: a failure of one item is best
	 * returned as a result. A sink failure stops the run and is rethrown.
	 */
	public <I, O> void run(Iterator<I> source, Function<I, O> work, int blockSize, BlockSink<I, O> sink)
			throws Exception {
		run(source, blockSize, sink, (block) -> submit(block, work));
	}

	/**
	 * As {@link #run}, for work that is cheaper a block at a time in part (one database query for a block instead of
	 * one an item), in three steps: {@code first} is applied to every item on the workers, then {@code then} gets the
	 * block's results of the first step whole, on one worker, and returns the work that finishes each of them, again
	 * on every worker. Other blocks' steps run meanwhile, so no core waits for the middle step but for its own
	 * length. A failure of {@code then} stops the run and is rethrown.
	 */
	public <I, M, O> void runStaged(Iterator<I> source, int blockSize, Function<I, M> first,
			Function<List<M>, Function<M, O>> then, BlockSink<I, O> sink) throws Exception {
		run(source, blockSize, sink,
				(block) -> submit(block, first).thenCompose((middle) -> submit(middle, then.apply(middle))));
	}

	private <I, O> void run(Iterator<I> source, int blockSize, BlockSink<I, O> sink,
			Function<List<I>, CompletableFuture<List<O>>> submit) throws Exception {
		if (blockSize < 1) {
			throw new IllegalArgumentException("'blockSize' must be positive");
		}
		List<I> current = take(source, blockSize);
		CompletableFuture<List<O>> running = current.isEmpty() ? null : submit.apply(current);
		while (!current.isEmpty()) {
			List<I> following = take(source, blockSize);
			CompletableFuture<List<O>> next = following.isEmpty() ? null : submit.apply(following);
			List<O> results;
			try {
				results = running.join();
			}
			catch (CompletionException ex) {
				if (next != null) {
					next.cancel(true);
				}
				throw (ex.getCause() instanceof Exception cause) ? cause : ex;
			}
			try {
				sink.accept(current, results);
			}
			catch (Exception ex) {
				if (next != null) {
					next.join();
				}
				throw ex;
			}
			current = following;
			running = next;
		}
	}

	private <I, O> CompletableFuture<List<O>> submit(List<I> block, Function<I, O> work) {
		if (block.isEmpty()) {
			return CompletableFuture.completedFuture(List.of());
		}
		@SuppressWarnings("unchecked")
		O[] results = (O[]) new Object[block.size()];
		int slices = Math.min(this.threads, block.size());
		CompletableFuture<?>[] parts = new CompletableFuture<?>[slices];
		for (int slice = 0; slice < slices; slice++) {
			int from = slice * block.size() / slices;
			int to = (slice + 1) * block.size() / slices;
			parts[slice] = CompletableFuture.runAsync(() -> {
				for (int i = from; i < to; i++) {
					results[i] = work.apply(block.get(i));
				}
			}, this.executor);
		}
		return CompletableFuture.allOf(parts).thenApply((ignored) -> Arrays.asList(results));
	}

	private static <I> List<I> take(Iterator<I> source, int count) {
		List<I> block = new ArrayList<>(Math.min(count, 1024));
		while (block.size() < count && source.hasNext()) {
			block.add(source.next());
		}
		return block;
	}

	@Override
	public void close() {
		if (this.owned) {
			this.executor.shutdownNow();
		}
	}

}

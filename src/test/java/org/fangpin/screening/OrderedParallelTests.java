package org.fangpin.screening;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class OrderedParallelTests {

	@Test
	void theMiddleStepSeesEachWholeBlockOnceAndTheResultsComeBackInOrder() throws Exception {
		List<Integer> items = IntStream.range(0, 103).boxed().toList();
		List<List<Integer>> prepared = Collections.synchronizedList(new ArrayList<>());
		List<Integer> inputs = new ArrayList<>();
		List<String> outputs = new ArrayList<>();
		try (OrderedParallel workers = OrderedParallel.ofThreads(3, "test")) {
			workers.runStaged(items.iterator(), 10, (item) -> "item " + item, (block) -> {
				prepared.add(block.stream().map((item) -> Integer.valueOf(item.substring(5))).toList());
				String first = block.get(0);
				return (item) -> item + " of the block from " + first;
			}, (in, out) -> {
				inputs.addAll(in);
				outputs.addAll(out);
			});
		}
		assertThat(inputs).isEqualTo(items);
		assertThat(outputs).hasSize(103);
		for (int i = 0; i < 103; i++) {
			assertThat(outputs.get(i)).isEqualTo("item " + i + " of the block from item " + (i / 10 * 10));
		}
		assertThat(prepared).hasSize(11);
		prepared.sort((a, b) -> a.get(0) - b.get(0));
		assertThat(prepared.get(10)).containsExactly(100, 101, 102);
		assertThat(prepared.stream().flatMap(List::stream).toList()).isEqualTo(items);
	}

	@Test
	void aFailedMiddleStepStopsTheRunAndIsRethrown() throws Exception {
		List<Integer> handed = new ArrayList<>();
		try (OrderedParallel workers = OrderedParallel.ofThreads(2, "test")) {
			Function<List<Integer>, Function<Integer, Integer>> then = (block) -> {
				if (block.get(0) >= 20) {
					throw new IllegalStateException("the look-up failed");
				}
				return (item) -> item;
			};
			assertThatIllegalStateException()
				.isThrownBy(() -> workers.runStaged(IntStream.range(0, 50).boxed().iterator(), 10, (item) -> item,
						then, (in, out) -> handed.addAll(out)))
				.withMessage("the look-up failed");
		}
		assertThat(handed).isEqualTo(IntStream.range(0, 20).boxed().toList());
	}

	@Test
	void plainWorkComesBackInOrderToo() throws Exception {
		List<Integer> outputs = new ArrayList<>();
		try (OrderedParallel workers = OrderedParallel.ofThreads(2, "test")) {
			workers.run(IntStream.range(0, 25).boxed().iterator(), (item) -> item * 2, 4,
					(in, out) -> outputs.addAll(out));
		}
		assertThat(outputs).isEqualTo(IntStream.range(0, 25).map((i) -> i * 2).boxed().toList());
	}

}

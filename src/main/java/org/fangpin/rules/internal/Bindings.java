package org.fangpin.rules.internal;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns the values of a rule match into plain trace values (numbers, strings, booleans, lists and maps), so a trace
 * reads the same when stored and read back. Facts are records of the vocabulary and carry no personal data.
 */
final class Bindings {

	private static final Map<Class<?>, RecordComponent[]> COMPONENTS = new ConcurrentHashMap<>();

	private Bindings() {
	}

	static Object plain(Object value) {
		if (value == null || value instanceof String || value instanceof Boolean || value instanceof BigDecimal) {
			return value;
		}
		if (value instanceof Integer || value instanceof Long || value instanceof Short) {
			return ((Number) value).longValue();
		}
		if (value instanceof Number number) {
			return new BigDecimal(number.toString());
		}
		if (value instanceof Enum<?> constant) {
			return constant.name();
		}
		if (value instanceof TemporalAccessor) {
			return value.toString();
		}
		if (value instanceof Collection<?> collection) {
			List<Object> list = new ArrayList<>(collection.size());
			for (Object item : collection) {
				list.add(plain(item));
			}
			return list;
		}
		if (value.getClass().isRecord()) {
			RecordComponent[] components = COMPONENTS.computeIfAbsent(value.getClass(),
					Class::getRecordComponents);
			Map<String, Object> map = new LinkedHashMap<>();
			map.put("fact", value.getClass().getSimpleName());
			for (RecordComponent component : components) {
				try {
					map.put(component.getName(), plain(component.getAccessor().invoke(value)));
				}
				catch (ReflectiveOperationException ex) {
					map.put(component.getName(), "?");
				}
			}
			return map;
		}
		return value.toString();
	}

}

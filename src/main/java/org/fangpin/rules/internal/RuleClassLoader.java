package org.fangpin.rules.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The application's class loader as the rule compiler sees it, remembering the names it does not have. Drools
 * resolves every type name a rule mentions against each package the file imports, and MVEL probes names for inner
 * classes and static fields, so compiling a rule set asks for thousands of classes that do not exist. In the
 * packaged service each such miss searches every nested jar; the application's classes never change while it
 * runs, so a miss is the same answer the next time.
 */
final class RuleClassLoader extends ClassLoader {

	/** Enough for the names of many rule sets; past it, misses are simply not remembered. */
	private static final int MAX_REMEMBERED = 200_000;

	static {
		registerAsParallelCapable();
	}

	private final Set<String> missing = ConcurrentHashMap.newKeySet();

	RuleClassLoader(ClassLoader parent) {
		super("fangpin-rules", parent);
	}

	@Override
	protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
		if (this.missing.contains(name)) {
			throw new ClassNotFoundException(name);
		}
		try {
			return super.loadClass(name, resolve);
		}
		catch (ClassNotFoundException ex) {
			if (this.missing.size() < MAX_REMEMBERED) {
				this.missing.add(name);
			}
			throw ex;
		}
	}

	boolean remembersMissing(String name) {
		return this.missing.contains(name);
	}

}

package io.github.dofunctions.benchmarks;

/**
 * What the figures were measured on.
 */
final class Machine {

	private Machine() {
	}

	static String describe() {
		return Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.vm.version")
				+ " (" + System.getProperty("java.vm.name") + "), " + System.getProperty("os.name") + " "
				+ System.getProperty("os.arch");
	}

}

package io.github.dofunctions.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * One scenario's results as a Markdown table.
 */
final class Table {

	private final String title;

	private final List<String> columns;

	private final List<List<String>> rows = new ArrayList<>();

	private final List<String> notes = new ArrayList<>();

	private final List<List<String>> targets = new ArrayList<>();

	Table(String title, String... columns) {
		this.title = title;
		this.columns = List.of(columns);
	}

	Table row(Object... cells) {
		this.rows.add(List.of(cells).stream().map(String::valueOf).toList());
		return this;
	}

	Table note(String note) {
		this.notes.add(note);
		return this;
	}

	/**
	 * Record a target this table's figures meet or miss, for the summary of the run.
	 */
	Table target(String target, String measured, boolean met) {
		this.targets.add(List.of(target, measured, met ? "yes" : "**no**"));
		return this;
	}

	List<List<String>> targets() {
		return this.targets;
	}

	List<List<String>> rows() {
		return this.rows;
	}

	String markdown() {
		StringBuilder text = new StringBuilder("### ").append(this.title).append("\n\n");
		text.append("| ").append(String.join(" | ", this.columns)).append(" |\n");
		text.append("|").append("---|".repeat(this.columns.size())).append("\n");
		for (List<String> row : this.rows) {
			text.append("| ").append(String.join(" | ", row)).append(" |\n");
		}
		for (String note : this.notes) {
			text.append("\n").append(note).append("\n");
		}
		return text.append("\n").toString();
	}

	static String decimal(double value, int places) {
		return String.format(java.util.Locale.ROOT, "%." + places + "f", value);
	}

}

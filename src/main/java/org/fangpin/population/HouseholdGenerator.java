package org.fangpin.population;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates synthetic rural households of Xinzhou as profiles of the API contract. The same seed gives the same
 * households in the same order, whatever the machine; household {@code i} depends only on the seed and {@code i},
 * so a population can be generated in any number of pieces. Calibration and sources: {@code docs/population.md}.
 */
public final class HouseholdGenerator {

	/** The reference date of every generated profile unless another is given: the end of 2024. */
	public static final LocalDate DEFAULT_AS_OF = LocalDate.of(2024, 12, 31);

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final int[] COUNTY_CUMULATIVE;

	static {
		COUNTY_CUMULATIVE = new int[Xinzhou.COUNTIES.size()];
		int sum = 0;
		for (int i = 0; i < COUNTY_CUMULATIVE.length; i++) {
			sum += Xinzhou.COUNTIES.get(i).weight();
			COUNTY_CUMULATIVE[i] = sum;
		}
	}

	private final long seed;

	private final LocalDate asOf;

	public HouseholdGenerator(long seed, LocalDate asOf) {
		this.seed = seed;
		this.asOf = Objects.requireNonNull(asOf, "'asOf' must not be null");
	}

	public HouseholdGenerator(long seed) {
		this(seed, DEFAULT_AS_OF);
	}

	/** Household number {@code index} (0-based) of the population. */
	public ObjectNode household(long index) {
		SplittableRandom random = new SplittableRandom(mix(this.seed, index));
		return new Draw(random, index).profile();
	}

	/** SplitMix64 of seed and index: independent, reproducible streams per household. */
	private static long mix(long seed, long index) {
		long z = seed * 0x9E3779B97F4A7C15L + index + 0x632BE59BD9B4E019L;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	/** One household's draws. */
	private final class Draw {

		private final SplittableRandom random;

		private final long index;

		private final List<Person> people = new ArrayList<>();

		Draw(SplittableRandom random, long index) {
			this.random = random;
			this.index = index;
		}

		ObjectNode profile() {
			int countyIndex = county();
			Xinzhou.County county = Xinzhou.COUNTIES.get(countyIndex);
			int township = this.random.nextInt(county.townships().size());
			int village = this.random.nextInt(Xinzhou.VILLAGES_PER_TOWNSHIP);
			boolean lifted = chance(0.30);
			compose(lifted);
			ObjectNode root = NODES.objectNode();
			root.put("householdId", String.format("%s-%03d-%07d", county.code(), township + 1, this.index + 1));
			root.put("asOf", HouseholdGenerator.this.asOf.toString());
			ObjectNode region = root.putObject("region");
			region.put("province", Xinzhou.PROVINCE);
			region.put("city", Xinzhou.CITY);
			region.put("county", county.name());
			region.put("township", county.townships().get(township));
			region.put("village", Xinzhou.village(township, village));
			root.put("povertyStatus", lifted ? "LIFTED" : "NEVER_POOR");
			ArrayNode members = root.putArray("members");
			for (Person person : this.people) {
				ObjectNode member = members.addObject();
				member.put("relation", person.relation);
				member.put("age", person.age);
				member.put("laborCapacity", person.labor);
				member.put("health", person.health);
				member.put("disabilityGrade", person.disability);
				member.put("schooling", person.schooling);
				member.put("employment", person.employment);
				member.put("medicalInsurance", person.insured);
			}
			Money money = income(lifted);
			ObjectNode income = root.putObject("income");
			income.put("wages", money.wages);
			income.put("business", money.business);
			income.put("property", money.property);
			income.put("transfers", money.transfers);
			income.put("productionCosts", money.costs);
			List<ObjectNode> events = events(money);
			if (money.previous > 0) {
				income.put("previousYearNetIncome", money.previous);
			}
			ObjectNode expenses = root.putObject("expenses");
			expenses.put("medicalOutOfPocket", medical(events));
			expenses.put("education", education());
			root.putObject("housing").put("safetyGrade", housing(lifted));
			ObjectNode water = root.putObject("drinkingWater");
			water.put("quantityOk", !chance(0.006));
			water.put("qualityOk", !chance(0.008));
			water.put("convenienceOk", !chance(0.006));
			water.put("reliabilityOk", !chance(0.006));
			ArrayNode eventArray = root.putArray("events");
			events.forEach(eventArray::add);
			ArrayNode supports = root.putArray("supports");
			long net = money.wages + money.business + money.property + money.transfers - money.costs;
			long perCapita = net / this.people.size();
			if (money.dibao) {
				supports.add("DIBAO");
			}
			if (this.people.size() == 1 && (this.people.get(0).age >= 60) && perCapita < 7000 && chance(0.15)) {
				supports.add("TEKUN");
			}
			if (this.people.stream().anyMatch((p) -> p.disability == 1 || p.disability == 2) && chance(0.7)) {
				supports.add("DISABILITY_ALLOWANCE");
			}
			monitoring(root, lifted, perCapita);
			return root;
		}

		private int county() {
			int pick = this.random.nextInt(COUNTY_CUMULATIVE[COUNTY_CUMULATIVE.length - 1]);
			for (int i = 0; i < COUNTY_CUMULATIVE.length; i++) {
				if (pick < COUNTY_CUMULATIVE[i]) {
					return i;
				}
			}
			return COUNTY_CUMULATIVE.length - 1;
		}

		/** Household size and members by the usual rural household types; lifted households are older. */
		private void compose(boolean lifted) {
			double r = this.random.nextDouble();
			double elderlyShift = lifted ? 0.06 : 0.0;
			int size;
			if (r < 0.17 + elderlyShift) {
				size = 1;
			}
			else if (r < 0.47 + elderlyShift) {
				size = 2;
			}
			else if (r < 0.67 + elderlyShift / 2) {
				size = 3;
			}
			else if (r < 0.84) {
				size = 4;
			}
			else if (r < 0.94) {
				size = 5;
			}
			else {
				size = 6 + (chance(0.3) ? 1 : 0);
			}
			switch (size) {
				case 1 -> single();
				case 2 -> couple();
				default -> family(size);
			}
		}

		private void single() {
			int age = chance(0.65) ? between(60, 92) : between(28, 59);
			add("HEAD", age);
		}

		private void couple() {
			double r = this.random.nextDouble();
			if (r < 0.58) {
				int age = between(58, 88);
				add("HEAD", age);
				add("SPOUSE", clamp(age + between(-5, 3), 50, 95));
			}
			else if (r < 0.83) {
				int age = between(35, 59);
				add("HEAD", age);
				add("SPOUSE", clamp(age + between(-5, 3), 25, 70));
			}
			else if (chance(0.5)) {
				int age = between(62, 88);
				add("HEAD", age);
				add("CHILD", clamp(age - between(24, 36), 22, 60));
			}
			else {
				int age = between(30, 50);
				add("HEAD", age);
				add("CHILD", clamp(age - between(22, 32), 0, 17));
			}
		}

		private void family(int size) {
			int age = between(30, 56);
			add("HEAD", age);
			add("SPOUSE", clamp(age + between(-4, 3), 22, 70));
			int left = size - 2;
			int parents = 0;
			if (left >= 2 && chance(0.45) || left >= 4) {
				parents = (left >= 3 && chance(0.6)) ? 2 : 1;
			}
			else if (left == 1 && chance(0.25)) {
				parents = 1;
			}
			for (int i = 0; i < parents; i++) {
				add("PARENT", clamp(age + between(22, 32), 52, 98));
			}
			left -= parents;
			// Most rural couples have one or two children at home; a larger household holds grown children and
			// grandchildren rather than more young ones.
			for (int i = 0; i < left; i++) {
				if (i < 2) {
					add("CHILD", clamp(age - between(20, 34), 0, 30));
				}
				else if (age >= 45 && i == 2) {
					add("CHILD", between(20, 30));
				}
				else {
					add("GRANDCHILD", between(0, 10));
				}
			}
		}

		private void add(String relation, int age) {
			Person person = new Person(relation, age);
			double chronic = (age < 15) ? 0.01 : (age < 45) ? 0.08 : (age < 60) ? 0.25 : 0.50;
			double serious = (age < 45) ? 0.004 : (age < 60) ? 0.012 : 0.025;
			double r = this.random.nextDouble();
			person.health = (r < serious) ? "SERIOUS_ILLNESS" : (r < serious + chronic) ? "CHRONIC_ILLNESS" : "HEALTHY";
			double disabled = (age < 15) ? 0.015 : (age < 60) ? 0.04 : 0.12;
			if (chance(disabled)) {
				person.disability = chance(0.28) ? between(1, 2) : between(3, 4);
			}
			person.labor = labor(person);
			person.schooling = schooling(age);
			person.employment = employment(person);
			person.insured = !chance(0.008);
			this.people.add(person);
		}

		private String labor(Person person) {
			if (person.age < 16) {
				return "NONE";
			}
			boolean ill = person.health.equals("SERIOUS_ILLNESS");
			if (person.disability == 1 || person.disability == 2) {
				return chance(0.7) ? "NONE" : "PARTIAL";
			}
			if (person.age >= 75) {
				return chance(0.55) ? "NONE" : (chance(0.7) ? "PARTIAL" : "FULL");
			}
			if (person.age >= 65) {
				return chance(0.2) ? "NONE" : (chance(0.5) ? "PARTIAL" : "FULL");
			}
			if (ill || person.disability > 0) {
				return chance(0.35) ? "NONE" : "PARTIAL";
			}
			if (person.health.equals("CHRONIC_ILLNESS")) {
				return chance(0.3) ? "PARTIAL" : "FULL";
			}
			return chance(0.03) ? "PARTIAL" : "FULL";
		}

		private String schooling(int age) {
			if (age < 3) {
				return "NONE";
			}
			if (age < 6) {
				return chance(0.85) ? "PRESCHOOL" : "NONE";
			}
			if (age <= 15) {
				return chance(0.004) ? "DROPPED_OUT" : "COMPULSORY";
			}
			if (age <= 18) {
				double r = this.random.nextDouble();
				return (r < 0.55) ? "HIGH_SCHOOL" : (r < 0.85) ? "VOCATIONAL" : "NONE";
			}
			if (age <= 22) {
				double r = this.random.nextDouble();
				return (r < 0.35) ? "UNIVERSITY" : (r < 0.45) ? "VOCATIONAL" : "NONE";
			}
			return "NONE";
		}

		private String employment(Person person) {
			if (person.age < 16 || !person.schooling.equals("NONE") && person.age <= 22
					|| person.labor.equals("NONE")) {
				return "NONE";
			}
			double r = this.random.nextDouble();
			if (person.age >= 65 || person.labor.equals("PARTIAL")) {
				return (r < 0.50) ? "FARMING" : (r < 0.60) ? "PUBLIC_WELFARE_JOB" : (r < 0.66) ? "LOCAL_WAGE"
						: (r < 0.70) ? "UNEMPLOYED" : "NONE";
			}
			return (r < 0.37) ? "MIGRANT" : (r < 0.67) ? "FARMING" : (r < 0.84) ? "LOCAL_WAGE"
					: (r < 0.90) ? "SELF_EMPLOYED" : (r < 0.93) ? "PUBLIC_WELFARE_JOB" : (r < 0.96) ? "UNEMPLOYED"
							: "NONE";
		}

		private Money income(boolean lifted) {
			Money money = new Money();
			double level = lifted ? 1.0 : 1.12;
			for (Person person : this.people) {
				switch (person.employment) {
					case "MIGRANT" -> money.wages += yuan(lognormal(38_000, 0.4) * level);
					case "LOCAL_WAGE" -> money.wages += yuan(lognormal(26_000, 0.4) * level);
					case "PUBLIC_WELFARE_JOB" -> money.wages += 100 * between(60, 96);
					case "SELF_EMPLOYED" -> {
						long gross = yuan(lognormal(50_000, 0.5) * level);
						money.business += gross;
						money.costs += yuan(gross * (0.35 + 0.2 * this.random.nextDouble()));
					}
					case "FARMING" -> {
						long gross = yuan(lognormal(16_000, 0.4) * level);
						money.business += gross;
						money.costs += yuan(gross * (0.30 + 0.2 * this.random.nextDouble()));
					}
					default -> {
					}
				}
				if (person.age >= 60) {
					money.transfers += 100 * between(24, 40);
				}
			}
			// Farmland and ecological subsidies, and money sent home by children living elsewhere.
			money.transfers += 10 * between(40, 160);
			if (this.people.stream().anyMatch((person) -> person.age >= 55) && chance(0.75)) {
				money.transfers += yuan(lognormal(9_000, 0.5));
			}
			if (chance(0.35)) {
				money.property += 100 * between(2, 40);
			}
			long net = money.wages + money.business + money.property + money.transfers - money.costs;
			long perCapita = net / this.people.size();
			double dibaoChance = (perCapita < 5600) ? (lifted ? 0.7 : 0.5) : (perCapita < 8000) ? 0.1 : 0.01;
			if (chance(dibaoChance)) {
				money.dibao = true;
				long persons = Math.min(this.people.size(), between(1, 2));
				money.transfers += persons * 100 * between(25, 45);
			}
			net = money.wages + money.business + money.property + money.transfers - money.costs;
			if (chance(0.7) && net > 0) {
				money.previous = yuan(net * (0.97 + 0.1 * this.random.nextGaussian()));
			}
			return money;
		}

		/** Events in the two years before asOf; a shock may cut this year's income against last year's. */
		private List<ObjectNode> events(Money money) {
			List<ObjectNode> events = new ArrayList<>();
			event(events, "MAJOR_ILLNESS", 0.045, 5_000, 80_000);
			event(events, "NATURAL_DISASTER", 0.035, 1_000, 20_000);
			event(events, "ACCIDENT", 0.015, 2_000, 50_000);
			event(events, "JOB_LOSS", 0.03, 0, 0);
			event(events, "BUSINESS_FAILURE", 0.01, 5_000, 60_000);
			event(events, "OTHER", 0.005, 0, 5_000);
			if (!events.isEmpty() && chance(0.3)) {
				long net = money.wages + money.business + money.property + money.transfers - money.costs;
				if (net > 0) {
					money.previous = yuan(net / (0.25 + 0.4 * this.random.nextDouble()));
				}
			}
			return events;
		}

		private void event(List<ObjectNode> events, String type, double chance, int minLoss, int maxLoss) {
			if (!chance(chance)) {
				return;
			}
			ObjectNode event = NODES.objectNode();
			event.put("type", type);
			event.put("date", HouseholdGenerator.this.asOf.minusDays(between(0, 729)).toString());
			if (maxLoss > 0) {
				event.put("loss", 100L * between(minLoss / 100, maxLoss / 100));
			}
			events.add(event);
		}

		private long medical(List<ObjectNode> events) {
			long total = 0;
			for (Person person : this.people) {
				switch (person.health) {
					case "CHRONIC_ILLNESS" -> total += yuan(lognormal(1_200, 0.8));
					case "SERIOUS_ILLNESS" -> total += yuan(lognormal(9_000, 0.8));
					default -> total += chance(0.3) ? 10L * between(5, 60) : 0;
				}
			}
			if (events.stream().anyMatch((event) -> event.get("type").stringValue().equals("MAJOR_ILLNESS"))) {
				total += yuan(lognormal(6_000, 0.7));
			}
			return total;
		}

		private long education() {
			long total = 0;
			for (Person person : this.people) {
				total += switch (person.schooling) {
					case "PRESCHOOL" -> 100L * between(5, 30);
					case "COMPULSORY" -> 100L * between(3, 15);
					case "HIGH_SCHOOL" -> 100L * between(25, 60);
					case "VOCATIONAL" -> 100L * between(20, 50);
					case "UNIVERSITY" -> 100L * between(80, 160);
					default -> 0L;
				};
			}
			return total;
		}

		private String housing(boolean lifted) {
			double r = this.random.nextDouble();
			double unsafe = lifted ? 1.5 : 1.0;
			if (r < 0.001 * unsafe) {
				return "NONE";
			}
			if (r < 0.005 * unsafe) {
				return "D";
			}
			if (r < 0.02 * unsafe) {
				return "C";
			}
			return (r < 0.14) ? "B" : "A";
		}

		private void monitoring(ObjectNode root, boolean lifted, long perCapita) {
			double monitored = (perCapita < 7400) ? 0.5 : (perCapita < 9000) ? 0.1 : 0.01;
			double r = this.random.nextDouble();
			if (r < monitored) {
				ObjectNode monitoring = root.putObject("monitoring");
				monitoring.put("status", "MONITORED");
				monitoring.put("since", HouseholdGenerator.this.asOf.minusDays(between(20, 900)).toString());
				ArrayNode applied = monitoring.putArray("appliedMeasures");
				if (chance(0.85)) {
					String[] options = { "INDUSTRY_GRANT", "SKILLS_TRAINING", "MEDICAL_ASSISTANCE", "PUBLIC_WELFARE_JOB",
							"TEMPORARY_ASSISTANCE", "MICROCREDIT" };
					int first = this.random.nextInt(options.length);
					applied.add(options[first]);
					if (chance(0.4)) {
						applied.add(options[(first + 1 + this.random.nextInt(options.length - 1)) % options.length]);
					}
				}
			}
			else if (r < monitored + (lifted ? 0.05 : 0.01)) {
				root.putObject("monitoring").put("status", "ELIMINATED");
			}
		}

		private boolean chance(double p) {
			return this.random.nextDouble() < p;
		}

		private int between(int min, int max) {
			return min + this.random.nextInt(max - min + 1);
		}

		private double lognormal(double median, double sigma) {
			return median * Math.exp(sigma * this.random.nextGaussian());
		}

		private static long yuan(double value) {
			return Math.max(0, Math.round(value));
		}

		private static int clamp(int value, int min, int max) {
			return Math.max(min, Math.min(max, value));
		}

	}

	private static final class Person {

		final String relation;

		final int age;

		String labor;

		String health;

		int disability;

		String schooling;

		String employment;

		boolean insured;

		Person(String relation, int age) {
			this.relation = relation;
			this.age = age;
		}

	}

	private static final class Money {

		long wages;

		long business;

		long property;

		long transfers;

		long costs;

		long previous;

		boolean dibao;

	}

}

package org.fangpin.population;

import java.util.List;

/**
 * The county-level divisions of Xinzhou (忻州市, Shanxi) with their administrative codes, a share of the rural
 * population each, and some of their townships. Villages are synthetic (see docs/population.md).
 */
final class Xinzhou {

	static final String PROVINCE = "山西省";

	static final String CITY = "忻州市";

	/** A county: its code (the first part of a household id), its weight and townships. */
	record County(String code, String name, int weight, List<String> townships) {

	}

	/** Weights are rough shares of the rural population, in tenths of a percent. */
	static final List<County> COUNTIES = List.of(
			new County("140902", "忻府区", 120,
					List.of("豆罗镇", "董村镇", "奇村镇", "庄磨镇", "三交镇", "播明镇", "解原乡", "紫岩乡", "合索乡", "阳坡乡")),
			new County("140981", "原平市", 130, List.of("崞阳镇", "大牛店镇", "闫庄镇", "同川镇", "沿沟乡", "王家庄乡", "东社镇")),
			new County("140921", "定襄县", 55, List.of("晋昌镇", "河边镇", "宏道镇", "受禄乡", "蒋村乡", "南王乡", "季庄乡")),
			new County("140922", "五台县", 95, List.of("台城镇", "台怀镇", "东冶镇", "豆村镇", "耿镇镇", "建安乡", "茹村乡")),
			new County("140923", "代县", 65, List.of("上馆镇", "阳明堡镇", "峨口镇", "聂营镇", "枣林镇", "滩上镇")),
			new County("140924", "繁峙县", 75, List.of("繁城镇", "砂河镇", "大营镇", "集义庄乡", "光裕堡乡", "金山铺乡")),
			new County("140925", "宁武县", 60, List.of("凤凰镇", "阳方口镇", "东寨镇", "石家庄镇", "化北屯乡")),
			new County("140926", "静乐县", 55, List.of("鹅城镇", "杜家村镇", "康家会镇", "丰润镇", "娘子神乡")),
			new County("140927", "神池县", 35, List.of("龙泉镇", "义井镇", "八角镇", "东湖乡")),
			new County("140928", "五寨县", 40, List.of("砚城镇", "小河头镇", "三岔镇", "前所乡")),
			new County("140929", "岢岚县", 30, List.of("岚漪镇", "三井镇", "神堂坪乡", "宋家沟乡")),
			new County("140930", "河曲县", 40, List.of("文笔镇", "楼子营镇", "巡镇镇", "鹿固乡", "沙坪乡")),
			new County("140931", "保德县", 40, List.of("东关镇", "义门镇", "桥头镇", "杨家湾镇", "腰庄乡")),
			new County("140932", "偏关县", 30, List.of("新关镇", "天峰坪镇", "老营镇", "万家寨镇", "水泉乡")));

	/** Parts of synthetic village names: a family name and a landform, as many northern Shanxi villages are named. */
	static final List<String> VILLAGE_FAMILIES = List.of("王", "李", "张", "刘", "赵", "杨", "郭", "高", "贾", "任", "白",
			"韩", "薛", "武", "郝", "梁", "霍", "田");

	static final List<String> VILLAGE_PLACES = List.of("家庄", "家村", "家沟", "家坪", "家堡", "家峪", "家营", "家窑");

	/** Villages per township in the synthetic population. */
	static final int VILLAGES_PER_TOWNSHIP = 12;

	private Xinzhou() {
	}

	static String village(int township, int village) {
		int family = Math.floorMod(township * 7 + village * 5, VILLAGE_FAMILIES.size());
		int place = Math.floorMod(township * 3 + village, VILLAGE_PLACES.size());
		return VILLAGE_FAMILIES.get(family) + VILLAGE_PLACES.get(place) + ((village >= 8) ? "村" : "");
	}

}

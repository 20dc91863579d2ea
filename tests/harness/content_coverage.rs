//! The shipped content covers what the two source articles report, in the right place: each
//! row names a zone (or China sector) and words from the article that must appear in the
//! Chinese text of that zone's exhibits or introduction.

use expo_hall::content::{
    exhibition::Exhibition,
    model::{Source, ZoneKind},
};

use crate::support::shipped;

/// All Chinese text of a zone, or of one China sector (`"cn/logistics"`).
fn chinese_text(exhibition: &Exhibition, area: &str) -> String {
    let (zone_id, sector) = area
        .split_once('/')
        .map_or((area, None), |(z, s)| (z, Some(s)));
    let zone = exhibition
        .zone(zone_id)
        .unwrap_or_else(|| panic!("no zone {zone_id}"));
    let mut text = String::new();
    if sector.is_none() {
        text.push_str(zone.intro.get(crate::support::lang("zh")));
    }
    for exhibit in zone
        .exhibits
        .iter()
        .filter(|e| sector.is_none() || e.sector.as_deref() == sector)
    {
        for t in [&exhibit.title, &exhibit.summary, &exhibit.description] {
            text.push_str(t.get(crate::support::lang("zh")));
        }
        for t in exhibit.exhibitors.iter().chain(&exhibit.tags) {
            text.push_str(t.get(crate::support::lang("zh")));
        }
    }
    text
}

#[test]
fn every_pavilion_reported_by_the_chongqing_daily_shows_what_it_reported() {
    let exhibition = shipped();
    let expected: &[(&str, &[&str])] = &[
        ("pk", &["骏马", "梅花鹿", "黄牛", "首饰盒", "吉祥物"]),
        ("tr", &["热气球", "圣索菲亚", "卡帕多西亚"]),
        ("np", &["铜钵", "围巾", "唐卡"]),
        ("kz", &["泰姆格里", "新华三", "数字大脑"]),
        ("kg", &["自然风光", "特产"]),
        (
            "tj",
            &["61%", "科凯前卫", "变桨", "金山科技", "胃镜", "肛肠医院"],
        ),
        ("by", &["中白工业园", "中国电科电子技术有限公司", "巨石"]),
        ("in", &["11块屏幕"]),
        ("uz", &["智慧农业", "陶瓷"]),
        ("kh", &["数字经济", "水泥熟料"]),
        ("az", &["数字政府"]),
        (
            "ru",
            &[
                "中国电信",
                "TransTeleCom",
                "数字丝绸之路",
                "胶囊机器人",
                "新赛亚",
                "干式荧光免疫分析仪",
                "气溶胶",
            ],
        ),
        (
            "ir",
            &["波斯", "设拉子", "2005", "智慧德黑兰", "我的德黑兰"],
        ),
        (
            "lk",
            &[
                "茶",
                "智慧教室",
                "10161",
                "2500",
                "重庆市对外经贸（集团）有限公司",
                "路桥",
            ],
        ),
        ("mn", &["乌兰巴托", "求职", "预约"]),
        ("am", &["人文风情"]),
    ];
    let mut missing = Vec::new();
    for (zone, words) in expected {
        let text = chinese_text(&exhibition, zone);
        for word in *words {
            if !text.contains(word) {
                missing.push(format!("{zone}: {word}"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "not found in the zone's Chinese text: {missing:#?}"
    );
}

#[test]
fn the_china_sectors_carry_the_reported_projects_and_figures() {
    let exhibition = shipped();
    let all_china = chinese_text(&exhibition, "cn");
    for word in [
        "多功能经贸平台",
        "国际物流创新实验室",
        "一带一路商品展示交易中心",
        "车厘子",
        "渝新欧",
        "西南铝",
        "铝锭",
        "长安汽车",
        "6.3万",
        "143%",
        "阿里拍卖",
        "破产资产",
        "中科曙光",
        "教育新基建产业园",
        "3485",
        "105",
        "574",
        "7000",
        "18%",
        "25%",
        "白皮书",
        "芯屏器核网",
        "人工智能创新发展试验区",
        "科学城",
        "留学生",
        "10万",
    ] {
        assert!(
            all_china.contains(word),
            "the China zone does not mention {word}"
        );
    }
    // Each sector has its own exhibits.
    let ZoneKind::Host { sectors } = &exhibition.zone("cn").unwrap().kind else {
        panic!()
    };
    for sector in sectors {
        let count = exhibition
            .zone("cn")
            .unwrap()
            .exhibits
            .iter()
            .filter(|e| e.sector.as_deref() == Some(&sector.id))
            .count();
        assert!(count >= 3, "sector {} has {count} exhibits", sector.id);
    }
}

#[test]
fn hall_facts_and_provenance_are_honest() {
    let exhibition = shipped();
    let about = &exhibition.hall.about;
    let facts: String = about
        .facts
        .iter()
        .map(|f| {
            format!(
                "{}{}",
                f.figure.get(crate::support::lang("zh")),
                f.label.get(crate::support::lang("zh"))
            )
        })
        .collect();
    for word in ["2448.5", "13.3", "15%", "325", "20"] {
        assert!(facts.contains(word), "hall facts lack {word}");
    }
    let seen: Vec<&str> = about
        .seen_across_pavilions
        .iter()
        .map(|t| t.get(crate::support::lang("zh")))
        .collect();
    for item in ["红茶", "伏特加", "茉莉香米", "夹心硬糖"] {
        assert!(
            seen.iter().any(|s| s.contains(item)),
            "{item} not among the goods seen across pavilions"
        );
    }
    // Afghanistan is not in the articles: its pavilion is background only.
    let af = exhibition.zone("af").unwrap();
    assert_eq!(af.intro_source, Source::Background);
    assert!(af.exhibits.iter().all(|e| e.source == Source::Background));
}

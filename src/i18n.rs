//! The visitor's language: the [`CurrentLang`] resource and the few words of the interface
//! itself (buttons, headings). Exhibition texts come from the content's `Text` values.

use bevy::prelude::*;

use crate::{content::model::Lang, launch::LaunchOptions};

pub fn plugin(app: &mut App) {
    app.add_systems(
        PreStartup,
        |mut commands: Commands, launch: Res<LaunchOptions>| {
            commands.insert_resource(CurrentLang(launch.lang));
        },
    );
}

/// The language every visible text is shown in; changing it re-renders signs and panels.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq, Deref)]
pub struct CurrentLang(pub Lang);

/// A word of the interface's own chrome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ui {
    Walk,
    Overview,
    About,
    Close,
    Previous,
    Next,
    Exhibitors,
    Tags,
    Category,
    Pavilion,
    Exhibits,
    SourceReported,
    SourceCoverage,
    SourceBackground,
    Loading,
    Facts,
    Timeline,
    SeenAcross,
    Sources,
    Pavilions,
    ChinaZone,
    Member,
    Observer,
    DialoguePartner,
    Help,
    Problems,
    Links,
    Directory,
    Plan,
    SearchHint,
    NoResults,
    TakeTour,
    PreviousStop,
    NextStop,
    Pause,
    Resume,
    LeaveTour,
}

impl Ui {
    pub fn text(self, lang: Lang) -> &'static str {
        let (en, zh) = match self {
            Ui::Walk => ("Walk", "漫步"),
            Ui::Overview => ("Overview", "鸟瞰"),
            Ui::About => ("About this exhibition", "关于本展"),
            Ui::Close => ("Close", "关闭"),
            Ui::Previous => ("◀ Previous", "◀ 上一件"),
            Ui::Next => ("Next ▶", "下一件 ▶"),
            Ui::Exhibitors => ("Exhibitors", "参展企业"),
            Ui::Tags => ("Tags", "标签"),
            Ui::Category => ("Category", "类别"),
            Ui::Pavilion => ("Pavilion", "展馆"),
            Ui::Exhibits => ("Exhibits", "展品"),
            Ui::SourceReported => ("Reported on show at the expo", "据报道于展会现场展出"),
            Ui::SourceCoverage => ("Reported in the forum's press coverage", "据论坛相关报道"),
            Ui::SourceBackground => (
                "General background, not reported at the expo",
                "一般背景资料，非展会报道内容",
            ),
            Ui::Loading => ("Preparing the hall…", "正在布置展馆…"),
            Ui::Facts => ("Key figures", "数据"),
            Ui::Timeline => ("Timeline", "大事记"),
            Ui::SeenAcross => ("Seen across the pavilions", "各展区所见"),
            Ui::Sources => ("Sources", "资料来源"),
            Ui::Pavilions => ("Go to…", "前往…"),
            Ui::ChinaZone => ("China zone", "中国展区"),
            Ui::Member => ("SCO member state", "上合组织成员国"),
            Ui::Observer => ("SCO observer state", "上合组织观察员国"),
            Ui::DialoguePartner => ("SCO dialogue partner", "上合组织对话伙伴"),
            Ui::Help => (
                "W A S D / arrows: walk · drag: look · Shift: faster · click an exhibit to read about it · Tab: overview",
                "W A S D / 方向键：行走 · 拖动：环视 · Shift：加速 · 点击展品查看详情 · Tab：鸟瞰",
            ),
            Ui::Problems => ("content problems", "内容问题"),
            Ui::Links => ("Links", "链接"),
            Ui::Directory => ("Directory", "展馆目录"),
            Ui::Plan => ("Floor plan", "平面图"),
            Ui::SearchHint => (
                "Search exhibits, countries, companies…",
                "搜索展品、国家、企业…",
            ),
            Ui::NoResults => ("Nothing found", "未找到结果"),
            Ui::TakeTour => ("Take the tour", "开始导览"),
            Ui::PreviousStop => ("◀ Previous stop", "◀ 上一站"),
            Ui::NextStop => ("Next stop ▶", "下一站 ▶"),
            Ui::Pause => ("Pause", "暂停"),
            Ui::Resume => ("Resume", "继续"),
            Ui::LeaveTour => ("Leave the tour", "结束导览"),
        };
        if lang == Lang::Zh { zh } else { en }
    }
}

//! Changes of circumstances (情况变化) that end employment assistance or stop a
//! subsidy: hired, pension started, imprisoned… Both the assistance plan
//! (`eligibility::assistance`) and the subsidy plan (`subsidy`) read them, so they
//! live here, below both.

use crate::text::Text;
use serde::{Deserialize, Serialize};

fn t(zh: &str, en: &str) -> Text {
    Text::new(zh, en)
}

/// A change of circumstances.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum EventKind {
    /// 被用人单位录用 (exit 1; stops the flexible-employment subsidy).
    EmployedByUnit,
    /// 从事个体经营或创办企业并领取营业执照 (exit 2).
    StartedBusiness,
    /// 已从事有稳定收入的劳动且收入不低于当地最低工资标准 (exit 3; give `monthlyIncome`).
    StableIncome,
    /// 已享受基本养老保险待遇 (exit 4).
    PensionStarted,
    /// 完全丧失劳动能力 (exit 5).
    LostWorkAbility,
    /// 入学 (exit 6).
    Enrolled,
    /// 服兵役 (exit 6).
    MilitaryService,
    /// 移居境外 (exit 6).
    Emigrated,
    /// 被判刑收监执行 (exit 7; stops the flexible-employment subsidy).
    Imprisoned,
    /// 终止就业要求或拒绝接受公共就业服务 (exit 8).
    StoppedSeeking,
    /// 已进行就业登记的其他情形 (exit 10).
    EmploymentRegistered,
    /// 已有用人单位为其缴纳社会保险费 (stops the flexible-employment subsidy).
    OtherUnitPaysInsurance,
    /// 中止灵活就业 (stops the flexible-employment subsidy).
    StoppedFlexibleWork,
    /// 未按规定缴纳社会保险费 (stops the flexible-employment subsidy).
    StoppedContributing,
    /// 灵活就业收入达到当地上年在岗职工平均工资 (stops it; give `monthlyIncome`).
    IncomeAtAverageWage,
    /// 工资低于当地最低工资标准 (stops the public-welfare post subsidy).
    WageBelowMinimum,
    /// 工作量未达到规定标准 (stops the post subsidy).
    WorkloadNotMet,
    /// 实际从事岗位与申报岗位不符 (stops the post subsidy).
    PostMismatch,
}

/// The change in plain words.
pub fn event_label(k: EventKind) -> Text {
    use EventKind::*;
    match k {
        EmployedByUnit => t("被用人单位录用", "hired by an employer"),
        StartedBusiness => t(
            "从事个体经营或创办企业并领取营业执照",
            "started a business with a licence",
        ),
        StableIncome => t(
            "从事有稳定收入的劳动且收入不低于当地最低工资标准",
            "in steady work earning at least the local minimum wage",
        ),
        PensionStarted => t("已享受基本养老保险待遇", "receiving a basic pension"),
        LostWorkAbility => t("完全丧失劳动能力", "fully lost the ability to work"),
        Enrolled => t("入学", "enrolled in education"),
        MilitaryService => t("服兵役", "in military service"),
        Emigrated => t("移居境外", "moved abroad"),
        Imprisoned => t("被判刑收监执行", "imprisoned"),
        StoppedSeeking => t(
            "终止就业要求或拒绝接受公共就业服务",
            "no longer seeking work, or refused public employment services",
        ),
        EmploymentRegistered => t("已进行就业登记", "registered as employed"),
        OtherUnitPaysInsurance => t(
            "已有用人单位为其缴纳社会保险费",
            "an employer pays the social insurance",
        ),
        StoppedFlexibleWork => t("中止灵活就业", "stopped flexible work"),
        StoppedContributing => t(
            "未按规定缴纳社会保险费",
            "stopped paying social insurance as required",
        ),
        IncomeAtAverageWage => t(
            "灵活就业收入达到当地上年在岗职工平均工资",
            "flexible-work income reached the local average wage",
        ),
        WageBelowMinimum => t(
            "工资低于当地最低工资标准",
            "the wage fell below the local minimum wage",
        ),
        WorkloadNotMet => t(
            "工作量未达到规定标准",
            "the workload fell short of the standard",
        ),
        PostMismatch => t(
            "实际从事岗位与申报岗位不符",
            "the actual work differs from the post declared",
        ),
    }
}

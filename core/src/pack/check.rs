//! Meaning checks (含义检查): what the schema cannot say. Dates in order and not
//! overlapping, values that fit their unit, a citation for every value, an
//! overlay's keys declared nationally and of regional scope, units and choices
//! matching the national declaration, new materials complete, requirements
//! naming known materials, conditions on known facts and numeric parameters.

use super::file::{
    condition_fact_ids, ApplicationFile, Condition, FieldKind, FormFile, MaterialFile, PackMeta,
    ParameterFile, Scope, Unit, Validity,
};
use super::parse::{problem, Entry, Pack, PackProblem, Param};
use super::{schema, value, NATIONAL};
use crate::region;
use crate::text::Text;
use std::collections::BTreeMap;

pub(super) fn check_semantics(
    meta: Option<PackMeta>,
    parameters: BTreeMap<String, ParameterFile>,
    base: Option<&Pack>,
    hash: String,
    problems: &mut Vec<PackProblem>,
) -> Option<Pack> {
    let Some(meta) = meta else {
        // Still check the parameters, as an overlay of `base` if there is one.
        check_parameters(parameters, base, problems);
        return None;
    };
    if meta.id.trim().is_empty() {
        problems.push(problem(
            "/meta/id",
            "badValue",
            Text::new("id 不能为空。", "id must not be empty."),
        ));
    }
    if meta.version.trim().is_empty() {
        problems.push(problem(
            "/meta/version",
            "badValue",
            Text::new("version 不能为空。", "version must not be empty."),
        ));
    }
    let national = meta.region == NATIONAL;
    if !region::is_code(&meta.region) {
        problems.push(problem(
            "/meta/region",
            "region",
            Text::new(
                format!(
                    "region 应为6位行政区划代码（全国为 000000），收到 \"{}\"。",
                    meta.region
                ),
                format!(
                    "region must be a 6-digit division code (000000 for national), not \"{}\".",
                    meta.region
                ),
            ),
        ));
    }
    let base = if national { None } else { base };
    if !national && base.is_none() {
        problems.push(problem(
            "/meta/region",
            "region",
            Text::new(
                "全国规则包的 region 必须是 000000。",
                "A national pack's region must be 000000.",
            ),
        ));
    }
    let params = check_parameters(parameters, base, problems);
    Some(Pack {
        meta,
        hash,
        params,
        materials: BTreeMap::new(),
        applications: BTreeMap::new(),
        forms: BTreeMap::new(),
        labels: BTreeMap::new(),
        citations: BTreeMap::new(),
    })
}

/// Checks the materials catalog and the application types of `pack` (whose
/// parameters are already checked) against `base` for an overlay.
///
/// `written` are the ids of every material the pack writes, including those
/// that did not read (their own problem is listed): requirements naming them
/// are not reported again as unknown.
pub(super) fn check_materials(
    pack: &Pack,
    materials: &BTreeMap<String, MaterialFile>,
    written: &[String],
    applications: &BTreeMap<String, ApplicationFile>,
    base: Option<&Pack>,
    problems: &mut Vec<PackProblem>,
) {
    let national = if pack.is_national() { None } else { base };
    // Shared-data sources: the national choices plus any this pack adds.
    let mut sources: Vec<String> = national
        .or(Some(pack))
        .and_then(|p| p.params.get("materials.sharedData"))
        .map(|p| p.choices.clone())
        .unwrap_or_default();
    if let Some(p) = pack.params.get("materials.sharedData") {
        for c in &p.choices {
            if !sources.contains(c) {
                sources.push(c.clone());
            }
        }
    }
    let known_material = |id: &str| {
        materials.contains_key(id)
            || written.iter().any(|w| w == id)
            || national.is_some_and(|b| b.materials.contains_key(id))
    };
    for (id, m) in materials {
        let path = format!("/materials/{}", schema::pointer_key(id));
        let complete = national.is_none_or(|b| !b.materials.contains_key(id));
        if complete {
            for (field, present) in [
                ("name", m.name.is_some()),
                ("proves", m.proves.is_some()),
                ("issuer", m.issuer.is_some()),
                ("form", m.form.is_some()),
                ("citation", m.citation.is_some()),
            ] {
                if !present {
                    problems.push(problem(
                        &path,
                        "missing",
                        Text::new(
                            format!("新材料 \"{id}\" 必须有 \"{field}\"。"),
                            format!("The new material \"{id}\" needs \"{field}\"."),
                        ),
                    ));
                }
            }
        }
        if let Some(src) = &m.shared_data {
            if !sources.contains(src) {
                problems.push(problem(
                    format!("{path}/sharedData"),
                    "notAllowed",
                    Text::new(
                        format!(
                            "\"{src}\" 不是 materials.sharedData 的可选数据来源：{}。",
                            sources.join("、")
                        ),
                        format!(
                            "\"{src}\" is not a data source of materials.sharedData: {}.",
                            sources.join(", ")
                        ),
                    ),
                ));
            }
        }
        if m.validity == Some(Validity::IssuedWithinMonths) && m.validity_months.is_none() {
            problems.push(problem(
                &path,
                "missing",
                Text::new(
                    "validity 为 issuedWithinMonths 时需要 validityMonths。",
                    "validity \"issuedWithinMonths\" needs validityMonths.",
                ),
            ));
        }
    }
    for (id, a) in applications {
        let path = format!("/applications/{}", schema::pointer_key(id));
        let exists = national.is_some_and(|b| b.applications.contains_key(id));
        if !exists {
            if a.title.is_none() {
                problems.push(problem(
                    &path,
                    "missing",
                    Text::new(
                        format!("申请事项 \"{id}\" 需要 title。"),
                        format!("The application \"{id}\" needs a title."),
                    ),
                ));
            }
            if a.requirements.is_none() {
                problems.push(problem(
                    &path,
                    "missing",
                    Text::new(
                        format!("申请事项 \"{id}\" 需要 requirements。"),
                        format!("The application \"{id}\" needs requirements."),
                    ),
                ));
            }
        }
        for (list_name, list) in [
            ("requirements", &a.requirements),
            ("extraRequirements", &a.extra_requirements),
        ] {
            for (i, r) in list.iter().flatten().enumerate() {
                let rpath = format!("{path}/{list_name}/{i}");
                if !known_material(&r.material) {
                    let mut known: Vec<&str> = materials.keys().map(String::as_str).collect();
                    if let Some(b) = national {
                        known.extend(b.materials.keys().map(String::as_str));
                    }
                    let hint = schema::closest(&r.material, &known)
                        .map(|h| {
                            (
                                format!("是否应为 \"{h}\"？"),
                                format!(" Did you mean \"{h}\"?"),
                            )
                        })
                        .unwrap_or_default();
                    problems.push(problem(
                        format!("{rpath}/material"),
                        "unknownMaterial",
                        Text::new(
                            format!("材料目录中没有 \"{}\"。{}", r.material, hint.0),
                            format!("No material \"{}\" in the catalog.{}", r.material, hint.1),
                        ),
                    ));
                }
                if let Some(c) = &r.when {
                    if r.if_text.is_none() {
                        problems.push(problem(
                            &rpath,
                            "missing",
                            Text::new("有 when 条件的材料需要用 ifText 说明条件。", "A requirement with \"when\" needs \"ifText\" saying it in plain words."),
                        ));
                    }
                    check_condition(c, &format!("{rpath}/when"), pack, national, problems);
                }
            }
        }
    }
}

/// A condition must be one comparison on a known fact, or all/any/not.
fn check_condition(
    c: &Condition,
    path: &str,
    pack: &Pack,
    national: Option<&Pack>,
    problems: &mut Vec<PackProblem>,
) {
    let ops = [
        c.is.is_some(),
        c.includes.is_some(),
        c.above_parameter.is_some(),
        c.all.is_some(),
        c.any.is_some(),
        c.not.is_some(),
    ];
    let n = ops.iter().filter(|b| **b).count();
    let comparison = c.is.is_some() || c.includes.is_some() || c.above_parameter.is_some();
    if n != 1 || comparison != c.fact.is_some() {
        problems.push(problem(
            path,
            "badCondition",
            Text::new(
                "条件须恰好是一项：fact 加 is / includes / aboveParameter 之一，或 all / any / not。",
                "A condition must be exactly one of: fact with is / includes / aboveParameter, or all / any / not.",
            ),
        ));
        return;
    }
    if let Some(f) = &c.fact {
        let facts = super::condition_facts();
        if !facts.contains(&f.as_str()) {
            let hint = schema::closest(f, &facts)
                .map(|h| {
                    (
                        format!("是否应为 \"{h}\"？"),
                        format!(" Did you mean \"{h}\"?"),
                    )
                })
                .unwrap_or_default();
            problems.push(problem(
                format!("{path}/fact"),
                "unknownFact",
                Text::new(
                    format!("条件中的事实 \"{f}\" 不存在。{}", hint.0),
                    format!("The condition's fact \"{f}\" does not exist.{}", hint.1),
                ),
            ));
        }
    }
    if let Some(key) = &c.above_parameter {
        let declared = national.unwrap_or(pack).params.get(key);
        if !declared.is_some_and(|p| {
            matches!(
                p.unit,
                Unit::Yuan | Unit::Count | Unit::Months | Unit::Years | Unit::Percent
            )
        }) {
            problems.push(problem(
                format!("{path}/aboveParameter"),
                "unknownParameter",
                Text::new(
                    format!("\"{key}\" 不是数值型参数。"),
                    format!("\"{key}\" is not a numeric parameter."),
                ),
            ));
        }
    }
    for (name, list) in [("all", &c.all), ("any", &c.any)] {
        for (i, sub) in list.iter().flatten().enumerate() {
            check_condition(sub, &format!("{path}/{name}/{i}"), pack, national, problems);
        }
    }
    if let Some(sub) = &c.not {
        check_condition(sub, &format!("{path}/not"), pack, national, problems);
    }
}

/// Checks each parameter against its national declaration (`base` for an
/// overlay; `None` when `parameters` are the national declarations).
fn check_parameters(
    parameters: BTreeMap<String, ParameterFile>,
    base: Option<&Pack>,
    problems: &mut Vec<PackProblem>,
) -> BTreeMap<String, Param> {
    let overlay = base.is_some();
    let mut params = BTreeMap::new();
    for (key, p) in parameters {
        let path = format!("/parameters/{}", schema::pointer_key(&key));
        let def = base.map(|b| b.params.get(&key));
        let (unit, scope, mut choices) = match def {
            // Overlay: the key must exist nationally and be regional.
            Some(None) => {
                let known: Vec<&str> = base
                    .map(|b| b.params.keys().map(String::as_str).collect())
                    .unwrap_or_default();
                let hint = schema::closest(&key, &known)
                    .map(|h| {
                        (
                            format!("是否应为 \"{h}\"？"),
                            format!(" Did you mean \"{h}\"?"),
                        )
                    })
                    .unwrap_or_default();
                problems.push(problem(
                    &path,
                    "unknownParameter",
                    Text::new(
                        format!("全国规则包中没有参数 \"{key}\"，地方包只能设置已声明的参数。{}", hint.0),
                        format!("The national pack declares no parameter \"{key}\"; local packs may only set declared ones.{}", hint.1),
                    ),
                ));
                continue;
            }
            Some(Some(d)) => {
                if d.scope == Scope::National {
                    problems.push(problem(
                        &path,
                        "nationalOnly",
                        Text::new(
                            format!("参数 \"{key}\" 由国家统一规定，地方包不能修改。"),
                            format!(
                                "\"{key}\" is set by national law; a local pack may not change it."
                            ),
                        ),
                    ));
                }
                if let Some(u) = p.unit {
                    if u != d.unit {
                        problems.push(problem(
                            format!("{path}/unit"),
                            "unitMismatch",
                            Text::new(
                                format!(
                                    "单位应为 \"{}\"（与全国规则包一致），这里是 \"{}\"。",
                                    d.unit.as_str(),
                                    u.as_str()
                                ),
                                format!(
                                    "The unit must be \"{}\" as in the national pack, not \"{}\".",
                                    d.unit.as_str(),
                                    u.as_str()
                                ),
                            ),
                        ));
                    }
                }
                let mut choices = d.choices.clone();
                if let Some(extra) = &p.choices {
                    if d.unit == Unit::List {
                        for c in extra {
                            if !choices.contains(c) {
                                choices.push(c.clone());
                            }
                        }
                    } else {
                        problems.push(problem(
                            format!("{path}/choices"),
                            "notAllowed",
                            Text::new(
                                "地方包只能为列表型参数增加可选值。",
                                "A local pack may only add choices to list parameters.",
                            ),
                        ));
                    }
                }
                (d.unit, d.scope, choices)
            }
            // National: everything must be declared here.
            None => {
                for (field, present) in [
                    ("label", p.label.is_some()),
                    ("unit", p.unit.is_some()),
                    ("scope", p.scope.is_some()),
                ] {
                    if !present {
                        problems.push(problem(
                            &path,
                            "missing",
                            Text::new(
                                format!("全国规则包的参数必须有 \"{field}\"。"),
                                format!("A national parameter needs \"{field}\"."),
                            ),
                        ));
                    }
                }
                let unit = p.unit.unwrap_or(Unit::Text);
                if matches!(unit, Unit::Enum | Unit::List)
                    && p.choices.as_ref().is_none_or(Vec::is_empty)
                {
                    problems.push(problem(
                        &path,
                        "missing",
                        Text::new(
                            "枚举或列表型参数需要 \"choices\"。",
                            "An enum or list parameter needs \"choices\".",
                        ),
                    ));
                }
                (
                    unit,
                    p.scope.unwrap_or(Scope::Regional),
                    p.choices.clone().unwrap_or_default(),
                )
            }
        };
        choices.dedup();
        if overlay && p.values.is_empty() {
            problems.push(problem(
                format!("{path}/values"),
                "missing",
                Text::new(
                    "地方包中的参数至少要有一个值。",
                    "A parameter in a local pack needs at least one value.",
                ),
            ));
        }
        let mut entries: Vec<Entry> = Vec::new();
        for (i, v) in p.values.iter().enumerate() {
            let vpath = format!("{path}/values/{i}");
            if let Some(to) = v.to {
                if to < v.from {
                    problems.push(problem(
                        format!("{vpath}/to"),
                        "order",
                        Text::new(
                            format!("结束日期 {to} 早于开始日期 {}。", v.from),
                            format!("The end date {to} is before the start date {}.", v.from),
                        ),
                    ));
                }
            }
            if let Some(prev) = entries.last() {
                if v.from <= prev.from {
                    problems.push(problem(
                        format!("{vpath}/from"),
                        "order",
                        Text::new(
                            format!("各值应按生效日期从早到晚排列：{} 不晚于上一个值的 {}。", v.from, prev.from),
                            format!("Values must be in date order: {} is not after the previous value's {}.", v.from, prev.from),
                        ),
                    ));
                } else if let Some(prev_to) = prev.to.filter(|t| *t >= v.from) {
                    problems.push(problem(
                        format!("{vpath}/from"),
                        "overlap",
                        Text::new(
                            format!("与上一个值重叠：上一个值到 {prev_to} 为止，这个值从 {} 开始。", v.from),
                            format!("Overlaps the previous value, which runs to {prev_to}, while this one starts {}.", v.from),
                        ),
                    ));
                }
            }
            let citation = match v.citation.clone().or_else(|| p.citation.clone()) {
                Some(c) if !c.document.trim().is_empty() => c,
                _ => {
                    problems.push(problem(
                        &vpath,
                        "noCitation",
                        Text::new(
                            "这个值没有出处：请在值或参数上填写 citation（文号、条款、网址；没有文件时写 local practice 或 assumption）。",
                            "This value has no citation: add one to the value or the parameter (document number, article, URL; or \"local practice\" / \"assumption\").",
                        ),
                    ));
                    continue;
                }
            };
            match value::parse(unit, &v.value, &choices) {
                Ok(parsed) => entries.push(Entry {
                    from: v.from,
                    to: v.to,
                    value: parsed,
                    citation,
                    status: v.status.unwrap_or(p.status),
                    note: v.note.clone(),
                }),
                Err(msg) => problems.push(problem(format!("{vpath}/value"), "badValue", msg)),
            }
        }
        params.insert(
            key,
            Param {
                label: p.label.clone(),
                description: p.description.clone(),
                unit,
                scope,
                choices,
                status: p.status,
                last_verified: p.last_verified,
                entries,
            },
        );
    }
    params
}

/// Checks the application forms of `pack`: field ids unique, each field's
/// check complete for its kind (`idKind` for ids, choices for choices), no
/// choices on other kinds, `requiredWhen` naming another field of the form,
/// `materialsFact` a materials question, the application a known one, and a
/// role used once. The program, its facts and the plan programs are the
/// rules' own vocabulary, checked where they are read (`application`) and by
/// its tests over the national pack.
pub(super) fn check_forms(
    pack: &Pack,
    forms: &BTreeMap<String, FormFile>,
    applications: &BTreeMap<String, ApplicationFile>,
    base: Option<&Pack>,
    problems: &mut Vec<PackProblem>,
) {
    let national = if pack.is_national() { None } else { base };
    let known_application = |id: &str| {
        applications.contains_key(id) || national.is_some_and(|b| b.applications.contains_key(id))
    };
    let materials_facts = condition_fact_ids();
    for (id, form) in forms {
        let path = format!("/forms/{}", schema::pointer_key(id));
        if let Some(app) = &form.application {
            if !known_application(app) {
                problems.push(problem(
                    format!("{path}/application"),
                    "unknownApplication",
                    Text::new(
                        format!("表单 \"{id}\" 所指的申请事项 \"{app}\" 不存在。"),
                        format!("The form \"{id}\" names the application type \"{app}\", which does not exist."),
                    ),
                ));
            }
        }
        if let Some(m) = &form.material {
            let listed = |a: &ApplicationFile| {
                a.requirements
                    .iter()
                    .flatten()
                    .chain(a.extra_requirements.iter().flatten())
                    .any(|r| &r.material == m)
            };
            let in_list = form.application.as_ref().is_some_and(|app| {
                applications.get(app).is_some_and(listed)
                    || national
                        .and_then(|b| b.applications.get(app))
                        .is_some_and(listed)
            });
            if !in_list {
                problems.push(problem(
                    format!("{path}/material"),
                    "unknownMaterial",
                    Text::new(
                        format!("表单 \"{id}\" 的 material \"{m}\" 不在其申请事项的材料清单中。"),
                        format!("The form \"{id}\" names the material \"{m}\", which its application type does not list."),
                    ),
                ));
            }
        }
        if form.fields.is_empty() {
            problems.push(problem(
                format!("{path}/fields"),
                "missing",
                Text::new(
                    format!("表单 \"{id}\" 没有字段。"),
                    format!("The form \"{id}\" has no fields."),
                ),
            ));
        }
        let mut roles = Vec::new();
        for (i, f) in form.fields.iter().enumerate() {
            let at = format!("{path}/fields/{i}");
            let mut push = |field: &str, code: &str, zh: String, en: String| {
                let p = if field.is_empty() {
                    at.clone()
                } else {
                    format!("{at}/{field}")
                };
                problems.push(problem(p, code, Text::new(zh, en)));
            };
            if f.id.trim().is_empty() {
                push(
                    "id",
                    "badValue",
                    "字段编号不能为空。".into(),
                    "A field needs an id.".into(),
                );
            }
            if form.fields[..i].iter().any(|o| o.id == f.id) {
                push(
                    "id",
                    "duplicate",
                    format!("字段 \"{}\" 重复。", f.id),
                    format!("The field \"{}\" is listed twice.", f.id),
                );
            }
            let is_choice = matches!(f.kind, FieldKind::Choice | FieldKind::MultiChoice);
            match (f.kind == FieldKind::Id, f.id_kind.is_some()) {
                (true, false) => push(
                    "idKind",
                    "missing",
                    format!("号码字段 \"{}\" 须写明 idKind。", f.id),
                    format!("The number field \"{}\" needs an idKind.", f.id),
                ),
                (false, true) => push(
                    "idKind",
                    "notAllowed",
                    format!("只有号码字段（kind: id）可写 idKind：\"{}\"。", f.id),
                    format!(
                        "Only a number field (kind: id) takes an idKind: \"{}\".",
                        f.id
                    ),
                ),
                _ => {}
            }
            let has_choices = f.choices.as_ref().is_some_and(|c| !c.is_empty());
            if is_choice && !has_choices && f.choices_from.is_none() {
                push(
                    "choices",
                    "missing",
                    format!("选择字段 \"{}\" 须列出 choices 或写明 choicesFrom。", f.id),
                    format!(
                        "The choice field \"{}\" needs choices or choicesFrom.",
                        f.id
                    ),
                );
            }
            if !is_choice && (f.choices.is_some() || f.choices_from.is_some()) {
                push(
                    "choices",
                    "notAllowed",
                    format!("只有选择字段可写 choices：\"{}\"。", f.id),
                    format!("Only a choice field takes choices: \"{}\".", f.id),
                );
            }
            if let Some(choices) = &f.choices {
                for (j, c) in choices.iter().enumerate() {
                    if choices[..j].iter().any(|o| o.value == c.value) {
                        push(
                            &format!("choices/{j}/value"),
                            "duplicate",
                            format!("字段 \"{}\" 的选项 \"{}\" 重复。", f.id, c.value),
                            format!(
                                "The field \"{}\" lists the choice \"{}\" twice.",
                                f.id, c.value
                            ),
                        );
                    }
                }
            }
            if let Some(w) = &f.required_when {
                if w.field == f.id || !form.fields.iter().any(|o| o.id == w.field) {
                    push(
                        "requiredWhen/field",
                        "unknownField",
                        format!(
                            "requiredWhen 所指的字段 \"{}\" 不在表单中（或是本字段）。",
                            w.field
                        ),
                        format!(
                            "requiredWhen names \"{}\", which is not another field of the form.",
                            w.field
                        ),
                    );
                }
            }
            if let Some(m) = &f.materials_fact {
                if !materials_facts.contains(&m.as_str()) {
                    push(
                        "materialsFact",
                        "unknownFact",
                        format!(
                            "\"{m}\" 不是材料核验的问题：{}。",
                            materials_facts.join("、")
                        ),
                        format!(
                            "\"{m}\" is not a materials question: {}.",
                            materials_facts.join(", ")
                        ),
                    );
                }
            }
            if let Some(key) = &f.at_most_parameter {
                let declared = national.unwrap_or(pack).params.get(key);
                let numeric = declared
                    .is_some_and(|d| matches!(d.unit, Unit::Yuan | Unit::Count | Unit::Months));
                if !matches!(f.kind, FieldKind::Money | FieldKind::Number) || !numeric {
                    push(
                        "atMostParameter",
                        "badValue",
                        format!("atMostParameter \"{key}\" 须是已声明的金额、月数或次数参数，且只用于金额或数字字段。"),
                        format!("atMostParameter \"{key}\" must be a declared yuan, months or count parameter, on a money or number field."),
                    );
                }
            }
            if let Some(r) = f.role {
                if roles.contains(&r) {
                    push(
                        "role",
                        "duplicate",
                        format!("表单中已有字段承担此角色：\"{}\"。", f.id),
                        format!(
                            "Another field of the form already has this role: \"{}\".",
                            f.id
                        ),
                    );
                }
                roles.push(r);
            }
        }
    }
}

//! The API's types, generated from the Rust types: the JSON Schema of every
//! function's result (and of the inputs and options), `web/src/api.schema.json`,
//! which the Node test `tests/node/shapes.test.mjs` checks real results against,
//! and the TypeScript declarations made from that same schema,
//! `web/src/types.generated.d.ts`, which `web/src/types.d.ts`'s function
//! signatures use. Both committed files must equal what the types generate;
//! regenerate with `UPDATE_TYPES=1 cargo test -p zhuchuang-tests --test types`.

use schemars::generate::{Contract, SchemaGenerator, SchemaSettings};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;
use std::path::PathBuf;

use zhuchuang_core::application::{ApplicationCheck, FormInfo};
use zhuchuang_core::eligibility::assistance::{AssistanceInput, AssistancePlan};
use zhuchuang_core::eligibility::ProgramInfo;
use zhuchuang_core::facts::Question;
use zhuchuang_core::forms::{ApplicantForm, FormReport};
use zhuchuang_core::ids::{IdBrief, IdCheck};
use zhuchuang_core::ledger::{LedgerColumns, LedgerOptions, LedgerReport};
use zhuchuang_core::loan::{LoanQuote, QuoteInput};
use zhuchuang_core::materials::{MaterialsReport, ProvidedItem};
use zhuchuang_core::pack::{LoadReport, ParamRef, Sourced};
use zhuchuang_core::retirement::{RetirementQuery, RetirementResult};
use zhuchuang_core::screening::ScreeningResult;
use zhuchuang_core::subsidy::{PlanInput, SubsidyPlan};
use zhuchuang_core::verdict::Determination;
use zhuchuang_web::api::{
    ApplicationInfo, IdCallOptions, KitInfo, LangOptions, PackInfo, ParameterListing, RuleOptions,
    FUNCTIONS,
};

/// TypeScript names for Rust types whose own name says less outside their module.
const NAMES: &[(&str, &str)] = &[
    ("IdCallOptions", "IdOptions"),
    ("Track", "RetirementTrack"),
    ("RetirementQuery", "RetirementInput"),
    ("Status3", "CriterionStatus"),
    ("Choice", "ChoiceOption"),
    ("Member", "HouseholdMember"),
    ("Listed", "ListedMaterial"),
    ("Flag", "ScreeningFlag"),
    ("Borrower", "LoanBorrower"),
    ("Repayment", "LoanRepayment"),
    ("QuoteInput", "LoanQuoteInput"),
    ("Period", "LoanPeriod"),
    ("QuoteProblem", "LoanProblem"),
    ("Program", "SubsidyProgram"),
    ("Person", "SubsidyPerson"),
    ("MonthLine", "SubsidyMonth"),
    ("PlanInput", "SubsidyPlanInput"),
    ("Contributions", "SubsidyContributions"),
    ("StopEvent", "SubsidyStopEvent"),
    ("Level", "AssistanceLevel"),
    ("Assessment", "AssistanceAssessment"),
    ("Event", "AssistanceEvent"),
    ("Subsidy", "AssistanceSubsidy"),
    ("Factor", "AssistanceFactor"),
    ("Service", "AssistanceService"),
    ("Stop", "AssistanceStop"),
    ("EventKind", "AssistanceEventKind"),
    ("Status", "ParamStatus"),
    ("Unit", "ParamUnit"),
    ("Scope", "ParamScope"),
    ("Format", "LedgerFormat"),
    ("Encoding", "LedgerEncoding"),
    ("ColumnInfo", "LedgerColumn"),
    ("FieldInfo", "LedgerField"),
    ("CheckMode", "LedgerCheck"),
    ("ColumnRef", "LedgerColumnRef"),
];

fn generator(contract: Contract) -> SchemaGenerator {
    let mut settings = SchemaSettings::draft2020_12();
    settings.contract = contract;
    settings.into_generator()
}

/// Every function's result, as its schema (a `$ref` for named types).
fn results(g: &mut SchemaGenerator) -> Vec<(&'static str, Value)> {
    let out = |name: &'static str, schema: schemars::Schema| (name, schema.to_value());
    let list = vec![
        out("validateId", g.subschema_for::<IdCheck>()),
        out("validateIds", g.subschema_for::<Vec<IdBrief>>()),
        out("isValidId", g.subschema_for::<bool>()),
        out("validateForm", g.subschema_for::<FormReport>()),
        out("kitInfo", g.subschema_for::<KitInfo>()),
        out("loadPack", g.subschema_for::<LoadReport>()),
        out("unloadPack", g.subschema_for::<bool>()),
        out("resetPacks", g.subschema_for::<()>()),
        out("packInfo", g.subschema_for::<PackInfo>()),
        out("getParameter", g.subschema_for::<ParamRef>()),
        out("listParameters", g.subschema_for::<Vec<ParameterListing>>()),
        out("statutoryRetirement", g.subschema_for::<RetirementResult>()),
        out("listPrograms", g.subschema_for::<Vec<ProgramInfo>>()),
        out("checkEligibility", g.subschema_for::<Determination>()),
        out(
            "findPrograms",
            g.subschema_for::<zhuchuang_core::finder::Finding>(),
        ),
        out("assistancePlan", g.subschema_for::<AssistancePlan>()),
        out("checkMaterials", g.subschema_for::<MaterialsReport>()),
        out(
            "listApplications",
            g.subschema_for::<Vec<ApplicationInfo>>(),
        ),
        out("checkApplication", g.subschema_for::<ApplicationCheck>()),
        out("listForms", g.subschema_for::<Vec<FormInfo>>()),
        out("subsidyPlan", g.subschema_for::<SubsidyPlan>()),
        out("subsidyPlanCsv", g.subschema_for::<String>()),
        out("loanQuote", g.subschema_for::<LoanQuote>()),
        out("screeningQuestions", g.subschema_for::<Vec<Question>>()),
        out("screenProject", g.subschema_for::<ScreeningResult>()),
        out("checkLedger", g.subschema_for::<LedgerReport>()),
        out("ledgerColumns", g.subschema_for::<LedgerColumns>()),
    ];
    // The part every calculated result carries, declared for integrators'
    // renderers of any result.
    g.subschema_for::<Sourced>();
    list
}

/// The arguments and options integrators write.
fn inputs(g: &mut SchemaGenerator) {
    g.subschema_for::<IdCallOptions>();
    g.subschema_for::<ApplicantForm>();
    g.subschema_for::<RuleOptions>();
    g.subschema_for::<LangOptions>();
    g.subschema_for::<RetirementQuery>();
    g.subschema_for::<AssistanceInput>();
    g.subschema_for::<PlanInput>();
    g.subschema_for::<QuoteInput>();
    g.subschema_for::<ProvidedItem>();
    g.subschema_for::<LedgerOptions>();
    g.subschema_for::<zhuchuang_core::ledger::Mapping>();
}

/// Renames `$ref`s and definitions by [`NAMES`].
fn renamed(name: &str) -> String {
    NAMES
        .iter()
        .find(|(rust, _)| *rust == name)
        .map_or(name, |(_, ts)| ts)
        .to_string()
}

fn rename_refs(v: &mut Value) {
    match v {
        Value::Object(m) => {
            if let Some(Value::String(r)) = m.get_mut("$ref") {
                if let Some(name) = r.strip_prefix("#/$defs/") {
                    *r = format!("#/$defs/{}", renamed(name));
                }
            }
            m.values_mut().for_each(rename_refs);
        }
        Value::Array(a) => a.iter_mut().for_each(rename_refs),
        _ => {}
    }
}

/// In a result, a field that may be absent is absent rather than `null` (it is
/// an `Option` skipped when `None`: a field always written is required), so the
/// schema and the declarations say `field?: T`, not `field?: T | null`.
fn never_null_when_absent(v: &mut Value) {
    match v {
        Value::Object(m) => {
            let required: Vec<String> = m
                .get("required")
                .and_then(Value::as_array)
                .map(|r| {
                    r.iter()
                        .filter_map(|x| x.as_str().map(String::from))
                        .collect()
                })
                .unwrap_or_default();
            if let Some(Value::Object(props)) = m.get_mut("properties") {
                for (name, p) in props.iter_mut() {
                    if !required.contains(name) {
                        drop_null(p);
                    }
                }
            }
            m.values_mut().for_each(never_null_when_absent);
        }
        Value::Array(a) => a.iter_mut().for_each(never_null_when_absent),
        _ => {}
    }
}

fn drop_null(p: &mut Value) {
    let Value::Object(m) = p else { return };
    if let Some(Value::Array(types)) = m.get_mut("type") {
        types.retain(|t| t != "null");
        if types.len() == 1 {
            let only = types[0].clone();
            m.insert("type".into(), only);
        }
    }
    let mut single = None;
    if let Some(Value::Array(alts)) = m.get_mut("anyOf") {
        alts.retain(|a| a.get("type").and_then(Value::as_str) != Some("null"));
        if alts.len() == 1 {
            single = alts.pop();
        }
    }
    if let Some(Value::Object(only)) = single {
        m.remove("anyOf");
        for (k, v) in only {
            m.entry(k).or_insert(v);
        }
    }
}

/// Points `$ref`s to the types named in `differ` at their `…Input` declarations.
fn retarget(v: &mut Value, differ: &[String]) {
    match v {
        Value::Object(m) => {
            if let Some(Value::String(r)) = m.get_mut("$ref") {
                if let Some(name) = r.strip_prefix("#/$defs/") {
                    if differ.iter().any(|d| d == name) {
                        *r = format!("#/$defs/{name}Input");
                    }
                }
            }
            m.values_mut().for_each(|x| retarget(x, differ));
        }
        Value::Array(a) => a.iter_mut().for_each(|x| retarget(x, differ)),
        _ => {}
    }
}

/// The schema of the API: `properties` maps each function to its result's
/// schema; `$defs` holds every named type (results, inputs, options).
fn api_schema() -> Value {
    let mut out_gen = generator(Contract::Serialize);
    let functions = results(&mut out_gen);
    let mut in_gen = generator(Contract::Deserialize);
    inputs(&mut in_gen);
    let mut defs: BTreeMap<String, Value> = BTreeMap::new();
    for (name, mut schema) in out_gen.take_definitions(true) {
        never_null_when_absent(&mut schema);
        defs.insert(renamed(&name), schema);
    }
    // An input type whose schema differs from the same type's as a result (a
    // decimal is a string out, a string or a number in) is declared twice: the
    // input one as `…Input`.
    let mut inputs: BTreeMap<String, Value> = in_gen
        .take_definitions(true)
        .into_iter()
        .map(|(name, schema)| (renamed(&name), schema))
        .collect();
    inputs.values_mut().for_each(rename_refs);
    let differ: Vec<String> = inputs
        .iter()
        .filter(|(name, schema)| defs.get(*name).is_some_and(|d| d != *schema))
        .map(|(name, _)| name.clone())
        .collect();
    for (name, mut schema) in inputs {
        retarget(&mut schema, &differ);
        let name = if differ.contains(&name) {
            format!("{name}Input")
        } else {
            name
        };
        defs.insert(name, schema);
    }
    let mut properties = Map::new();
    for (name, schema) in functions {
        properties.insert(name.to_string(), schema);
    }
    assert_eq!(
        properties.len(),
        FUNCTIONS.len() + zhuchuang_web::ledger::FUNCTIONS.len(),
        "every function of zhuchuang_web::api::FUNCTIONS (and ledger::FUNCTIONS) needs its result's schema here, and only those"
    );
    for f in FUNCTIONS.iter().chain(zhuchuang_web::ledger::FUNCTIONS) {
        assert!(properties.contains_key(*f), "no result schema for {f}");
    }
    let mut schema = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "zhuchuang-web API results",
        "description": "Generated from the Rust types by tests/tests/types.rs; do not edit. `properties` maps each API function to the schema of what it returns; `$defs` has every type of the API, inputs and options included.",
        "properties": properties,
        "$defs": defs,
    });
    rename_refs(&mut schema);
    schema
}

// ---------------------------------------------------------------------------
// JSON Schema → TypeScript

fn doc(description: Option<&Value>, indent: &str) -> String {
    let Some(text) = description.and_then(Value::as_str) else {
        return String::new();
    };
    let lines: Vec<&str> = text.lines().collect();
    if lines.len() == 1 {
        format!("{indent}/** {} */\n", lines[0].replace("*/", "*\\/"))
    } else {
        let mut s = format!("{indent}/**\n");
        for l in lines {
            let l = l.replace("*/", "*\\/");
            if l.is_empty() {
                s.push_str(&format!("{indent} *\n"));
            } else {
                s.push_str(&format!("{indent} * {l}\n"));
            }
        }
        s.push_str(&format!("{indent} */\n"));
        s
    }
}

fn is_ident(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
}

fn key(s: &str) -> String {
    if is_ident(s) {
        s.to_string()
    } else {
        serde_json::to_string(s).unwrap()
    }
}

fn union(parts: Vec<String>) -> String {
    let mut seen: Vec<String> = Vec::new();
    for p in parts {
        if !seen.contains(&p) {
            seen.push(p);
        }
    }
    if seen.is_empty() {
        "never".into()
    } else {
        seen.join(" | ")
    }
}

/// A type expression for `schema`; `indent` is the indentation of the line it
/// starts on (for object literals).
fn ts(schema: &Value, indent: &str) -> String {
    let m = match schema {
        Value::Bool(true) => return "unknown".into(),
        Value::Bool(false) => return "never".into(),
        Value::Object(m) => m,
        _ => panic!("not a schema: {schema}"),
    };
    if let Some(r) = m.get("$ref").and_then(Value::as_str) {
        return r.trim_start_matches("#/$defs/").to_string();
    }
    if let Some(c) = m.get("const") {
        return serde_json::to_string(c).unwrap();
    }
    if let Some(Value::Array(values)) = m.get("enum") {
        return union(
            values
                .iter()
                .map(|v| serde_json::to_string(v).unwrap())
                .collect(),
        );
    }
    for k in ["oneOf", "anyOf"] {
        if let Some(Value::Array(alts)) = m.get(k) {
            let alts = union(alts.iter().map(|a| ts(a, indent)).collect());
            // Properties beside the alternatives (a flattened tagged enum) hold for each.
            return if m.contains_key("properties") {
                format!("{} & ({alts})", object(m, indent))
            } else {
                alts
            };
        }
    }
    if let Some(Value::Array(all)) = m.get("allOf") {
        let mut parts: Vec<String> = all.iter().map(|a| wrap(&ts(a, indent))).collect();
        if m.contains_key("properties") {
            parts.push(object(m, indent));
        }
        return parts.join(" & ");
    }
    match m.get("type") {
        Some(Value::Array(types)) => union(
            types
                .iter()
                .map(|t| {
                    let mut one = m.clone();
                    one.insert("type".into(), t.clone());
                    wrap(&ts(&Value::Object(one), indent))
                })
                .collect(),
        ),
        Some(Value::String(t)) => match t.as_str() {
            "string" => {
                if m.get("format").and_then(Value::as_str) == Some("date") {
                    "IsoDate".into()
                } else {
                    "string".into()
                }
            }
            "integer" | "number" => "number".into(),
            "boolean" => "boolean".into(),
            "null" => "null".into(),
            "array" => {
                if let Some(Value::Array(items)) = m.get("prefixItems") {
                    let parts: Vec<String> = items.iter().map(|i| ts(i, indent)).collect();
                    format!("[{}]", parts.join(", "))
                } else {
                    let item = m.get("items").map_or("unknown".into(), |i| ts(i, indent));
                    format!("{}[]", wrap(&item))
                }
            }
            "object" => object(m, indent),
            other => panic!("unknown JSON Schema type {other}"),
        },
        _ => "unknown".into(),
    }
}

/// Parenthesises unions and intersections where they are an operand.
fn wrap(t: &str) -> String {
    if (t.contains(" | ") || t.contains(" & ")) && !t.starts_with('{') {
        format!("({t})")
    } else {
        t.to_string()
    }
}

fn object(m: &Map<String, Value>, indent: &str) -> String {
    let props = m.get("properties").and_then(Value::as_object);
    let extra = m
        .get("additionalProperties")
        .filter(|v| **v != Value::Bool(false));
    match (props, extra) {
        (None, Some(v)) => return format!("{{ [key: string]: {} }}", ts(v, indent)),
        (None, None) => return "{}".into(),
        _ => {}
    }
    let required: Vec<&str> = m
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let inner = format!("{indent}  ");
    let mut s = String::from("{\n");
    for (name, p) in props.unwrap() {
        s.push_str(&doc(p.get("description"), &inner));
        let opt = if required.contains(&name.as_str()) {
            ""
        } else {
            "?"
        };
        s.push_str(&format!("{inner}{}{opt}: {};\n", key(name), ts(p, &inner)));
    }
    if let Some(v) = extra {
        s.push_str(&format!("{inner}[key: string]: {};\n", ts(v, &inner)));
    }
    s.push_str(indent);
    s.push('}');
    s
}

fn declarations(schema: &Value) -> String {
    let mut s = String::from(
        "// Generated from the Rust types by tests/tests/types.rs (via the JSON Schema\n\
         // web/src/api.schema.json); do not edit. Regenerate with\n\
         // `UPDATE_TYPES=1 cargo test -p zhuchuang-tests --test types`.\n\
         // The functions are declared by hand in web/src/types.d.ts.\n\n\
         /** An ISO date, \"YYYY-MM-DD\". */\n\
         export type IsoDate = string;\n",
    );
    for (name, def) in schema["$defs"].as_object().unwrap() {
        s.push('\n');
        s.push_str(&doc(def.get("description"), ""));
        let is_interface = def.get("type").and_then(Value::as_str) == Some("object")
            && def.get("properties").is_some()
            && !["oneOf", "anyOf", "allOf"]
                .iter()
                .any(|k| def.get(*k).is_some());
        if is_interface {
            s.push_str(&format!(
                "export interface {name} {}\n",
                object(def.as_object().unwrap(), "")
            ));
        } else {
            s.push_str(&format!("export type {name} = {};\n", ts(def, "")));
        }
    }
    s
}

fn check(path: &str, generated: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(path);
    if std::env::var_os("UPDATE_TYPES").is_some() {
        std::fs::write(&path, generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{} is not what the Rust types generate: run UPDATE_TYPES=1 cargo test -p zhuchuang-tests --test types",
        path.display()
    );
}

#[test]
fn committed_schema_and_declarations_match_the_types() {
    let schema = api_schema();
    check(
        "web/src/api.schema.json",
        &(serde_json::to_string_pretty(&schema).unwrap() + "\n"),
    );
    check("web/src/types.generated.d.ts", &declarations(&schema));
}

/// The names a declaration file declares (`export interface X`, `export type X`).
fn declared(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| {
            let l = l.trim_start().strip_prefix("export ")?;
            let l = l
                .strip_prefix("interface ")
                .or_else(|| l.strip_prefix("type "))?;
            l.split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
                .next()
                .map(String::from)
        })
        .collect()
}

/// `text` without its comments and string literals.
fn code_only(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let t = line.trim_start();
        if t.starts_with("//") || t.starts_with("/*") || t.starts_with('*') {
            continue;
        }
        let mut in_string = false;
        for c in line.chars() {
            match (c, in_string) {
                ('"', _) => in_string = !in_string,
                (_, true) => {}
                (c, false) => out.push(c),
            }
        }
        out.push('\n');
    }
    out
}

#[test]
fn the_hand_written_signatures_use_only_declared_types() {
    let hand = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../web/src/types.d.ts"),
    )
    .unwrap();
    let generated = declared(&declarations(&api_schema()));
    let by_hand = declared(&hand);
    let twice: Vec<&String> = by_hand.iter().filter(|n| generated.contains(n)).collect();
    assert!(
        twice.is_empty(),
        "types.d.ts declares by hand what the Rust types generate: {twice:?}"
    );
    let builtin = [
        "Array",
        "Record",
        "Partial",
        "Error",
        "Promise",
        "Uint8Array",
    ];
    let mut missing: Vec<String> = Vec::new();
    for word in code_only(&hand).split(|c: char| !c.is_ascii_alphanumeric() && c != '_') {
        if word.chars().next().is_some_and(|c| c.is_ascii_uppercase())
            && !generated.iter().chain(&by_hand).any(|d| d == word)
            && !builtin.contains(&word)
            && !missing.iter().any(|m| m == word)
        {
            missing.push(word.to_string());
        }
    }
    assert!(
        missing.is_empty(),
        "types.d.ts uses types neither file declares: {missing:?}"
    );
}

//! Three-valued logic (Kleene): yes, no, or not known yet. One type for the
//! verdicts' criteria and groups and for the materials' conditions.
//!
//! ```
//! use zhuchuang_core::logic::Tri;
//! assert_eq!(Tri::all([Tri::Yes, Tri::Unknown]), Tri::Unknown);
//! assert_eq!(Tri::all([Tri::No, Tri::Unknown]), Tri::No);
//! assert_eq!(Tri::any([Tri::Yes, Tri::Unknown]), Tri::Yes);
//! assert_eq!(Tri::Unknown.not(), Tri::Unknown);
//! ```

/// Yes, no, or unknown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tri {
    Yes,
    No,
    Unknown,
}

impl Tri {
    /// Yes when every value is yes; no as soon as one is no (an empty list is yes).
    pub fn all(values: impl IntoIterator<Item = Tri>) -> Tri {
        let mut out = Tri::Yes;
        for v in values {
            match v {
                Tri::No => return Tri::No,
                Tri::Unknown => out = Tri::Unknown,
                Tri::Yes => {}
            }
        }
        out
    }

    /// Yes as soon as one value is yes; no when every value is no (an empty list is no).
    pub fn any(values: impl IntoIterator<Item = Tri>) -> Tri {
        let mut out = Tri::No;
        for v in values {
            match v {
                Tri::Yes => return Tri::Yes,
                Tri::Unknown => out = Tri::Unknown,
                Tri::No => {}
            }
        }
        out
    }

    #[allow(clippy::should_implement_trait)]
    pub fn not(self) -> Tri {
        match self {
            Tri::Yes => Tri::No,
            Tri::No => Tri::Yes,
            Tri::Unknown => Tri::Unknown,
        }
    }
}

impl From<bool> for Tri {
    fn from(b: bool) -> Tri {
        if b {
            Tri::Yes
        } else {
            Tri::No
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Tri::{self, *};

    #[test]
    fn kleene_tables() {
        for a in [Yes, No, Unknown] {
            for b in [Yes, No, Unknown] {
                let and = Tri::all([a, b]);
                let or = Tri::any([a, b]);
                // De Morgan holds in Kleene logic.
                assert_eq!(and.not(), Tri::any([a.not(), b.not()]));
                assert_eq!(or.not(), Tri::all([a.not(), b.not()]));
                if a == No || b == No {
                    assert_eq!(and, No);
                }
                if a == Yes || b == Yes {
                    assert_eq!(or, Yes);
                }
            }
        }
        assert_eq!(Tri::all([]), Yes);
        assert_eq!(Tri::any([]), No);
    }
}

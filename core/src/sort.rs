//! One stable sort for the whole core. `slice::sort_by` is instantiated once per
//! element type and comparator, about 3 KB of wasm each; these helpers sort
//! indices through one non-generic instantiation (a dynamic comparator) and then
//! move the elements, so every call site shares it. The result is exactly
//! `slice::sort_by`'s: stable, equal elements keep their order.

use std::cmp::Ordering;

/// Sorts `v` stably by `cmp`, like `v.sort_by(cmp)`.
pub(crate) fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..v.len()).collect();
    sort_indices(&mut order, &|a, b| cmp(&v[a], &v[b]));
    let mut items: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(order.iter().filter_map(|&i| items[i].take()));
}

/// Sorts `v` stably by `key`, like `v.sort_by_key(key)`.
pub(crate) fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

#[inline(never)]
fn sort_indices(order: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| cmp(a, b));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_like_std() {
        let input: Vec<(u8, usize)> = [3u8, 1, 2, 1, 3, 0, 2, 1]
            .iter()
            .enumerate()
            .map(|(i, &k)| (k, i))
            .collect();
        let mut ours = input.clone();
        sort_by_key(&mut ours, |p| p.0);
        let mut std = input.clone();
        std.sort_by_key(|p| p.0);
        assert_eq!(ours, std);
        assert_eq!(ours[1..4], [(1, 1), (1, 3), (1, 7)]);
        let mut desc = input;
        sort_by(&mut desc, |a, b| b.0.cmp(&a.0));
        assert_eq!(desc[0..2], [(3, 0), (3, 4)]);
        let mut one = vec![5];
        sort_by_key(&mut one, |x| *x);
        assert_eq!(one, [5]);
    }
}

//! Sorting for the whole crate through one instantiation of the standard library's sort.
//!
//! Each `sort_by` on a new element type or comparison compiles another copy of the sort, about
//! 3 KB of wasm apiece; the core sorted five kinds of things. [`sort_by`] sorts positions (always
//! `usize`, compared through a `dyn Fn`, so one copy serves every caller) and then moves each
//! item once, which is also cheaper than sorting large items like articles in place. The
//! positions are sorted by the standard library's stable sort: a merge sort of our own was
//! 1.6 KB brotli smaller and twice as slow at 100,000 articles.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, stably (equal items keep their order).
pub(crate) fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let order = sorted_positions(items.len(), &|a, b| compare(&items[a], &items[b]));
    permute(items, order);
}

/// The positions `0..len`, stably ordered by `compare`.
pub(crate) fn sorted_positions(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    // The one standard sort of the wasm (clippy.toml sends every other sort here).
    #[allow(clippy::disallowed_methods)]
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Rearranges `items` so that the item at `i` is the one that was at `order[i]`, following each
/// cycle of the permutation once (linear time, no copy of the items).
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    const DONE: usize = usize::MAX;
    for start in 0..items.len() {
        let mut current = start;
        while order[current] != DONE {
            let source = order[current];
            order[current] = DONE;
            if source == start {
                break;
            }
            items.swap(current, source);
            current = source;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_like_the_standard_library() {
        let mut seed = 7u64;
        for len in [0, 1, 2, 3, 5, 10, 33, 100, 257, 1000] {
            let items: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                    ((seed >> 59) as u8, i)
                })
                .collect();
            let mut ours = items.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut theirs = items;
            theirs.sort_by_key(|item| item.0);
            assert_eq!(ours, theirs, "{len} items");
        }
    }

    #[test]
    fn sorts_items_in_order_and_in_reverse_order() {
        for len in [2, 7, 64, 1000] {
            let ascending: Vec<usize> = (0..len).collect();
            let mut ours = ascending.clone();
            sort_by(&mut ours, |a, b| a.cmp(b));
            assert_eq!(ours, ascending);
            let mut ours: Vec<usize> = (0..len).rev().collect();
            sort_by(&mut ours, |a, b| a.cmp(b));
            assert_eq!(ours, ascending);
            // All equal: the order given stays.
            let mut ours: Vec<(u8, usize)> = (0..len).map(|i| (0, i)).collect();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            assert_eq!(ours, (0..len).map(|i| (0, i)).collect::<Vec<_>>());
        }
    }
}

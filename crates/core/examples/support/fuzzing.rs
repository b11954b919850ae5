//! The harness both fuzzers share (`crates/core/examples/fuzz.rs` and
//! `crates/importer/examples/fuzz_import.rs`, which includes this file by path): a small reproducible
//! random number generator, a mutator that breaks valid documents the way bad input breaks
//! them, and the run loop that reports a panic with its input and names the slowest input.
//!
//! Dependency-free and deterministic: the same count and seed try the same inputs.

use std::cell::RefCell;
use std::time::{Duration, Instant};

thread_local! {
    static CURRENT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// xorshift64*: small, fast and reproducible.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// One to eight byte flips, insertions, deletions, duplications (now and then thousands of
/// copies, to find slow paths) and splices of `tokens`.
pub fn mutate(rng: &mut Rng, base: &[u8], tokens: &[&str]) -> Vec<u8> {
    let mut data = base.to_vec();
    for _ in 0..1 + rng.below(8) {
        let at = rng.below(data.len() + 1);
        match rng.below(6) {
            0 if !data.is_empty() => {
                let i = rng.below(data.len());
                data[i] ^= 1 << rng.below(8);
            }
            1 => data.insert(at, rng.next() as u8),
            2 if !data.is_empty() => {
                let end = (at + 1 + rng.below(64)).min(data.len());
                data.drain(at.min(end)..end);
            }
            3 if !data.is_empty() => {
                let start = rng.below(data.len());
                let end = (start + 1 + rng.below(256)).min(data.len());
                let copy = data[start..end].to_vec();
                let most = if rng.below(50) == 0 { 2000 } else { 4 };
                let times = 1 + rng.below(most);
                for _ in 0..times {
                    data.splice(at..at, copy.iter().copied());
                }
            }
            _ => {
                let token = tokens[rng.below(tokens.len())].as_bytes();
                data.splice(at..at, token.iter().copied());
            }
        }
    }
    data
}

/// Up to 511 random bytes.
pub fn random_bytes(rng: &mut Rng) -> Vec<u8> {
    (0..rng.below(512)).map(|_| rng.next() as u8).collect()
}

/// `base` mutated, and now and then mutated again: deeper breakage of the same shape.
pub fn mutated(rng: &mut Rng, base: &[u8], tokens: &[&str]) -> Vec<u8> {
    let mut data = mutate(rng, base, tokens);
    if rng.below(4) == 0 {
        data = mutate(rng, &data, tokens);
    }
    data
}

/// The command line: `[COUNT [SEED]]`, by default 100,000 inputs from seed 1.
pub fn count_and_seed() -> (u64, u64) {
    let mut args = std::env::args().skip(1);
    let count = args.next().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let seed = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);
    (count, seed)
}

/// Runs `exercise` on `count` inputs from `make_input`. A panic prints the input (and writes it
/// to `fuzz-crash.bin`) before the process ends; the slowest input is kept in the temp folder
/// as `fuzz-slowest.bin`, so a quadratic path shows up as a number.
pub fn run(
    count: u64,
    seed: u64,
    mut make_input: impl FnMut(&mut Rng) -> Vec<u8>,
    mut exercise: impl FnMut(&[u8]),
) {
    std::panic::set_hook(Box::new(|info| {
        CURRENT.with(|current| {
            let input = current.borrow();
            let _ = std::fs::write("fuzz-crash.bin", &*input);
            eprintln!(
                "PANIC: {info}\ninput ({} bytes, saved to fuzz-crash.bin):\n{:?}",
                input.len(),
                String::from_utf8_lossy(&input)
            );
        });
    }));

    let mut rng = Rng::new(seed);
    let started = Instant::now();
    let mut slowest = (Duration::ZERO, 0usize);
    let mut bytes_total = 0u64;
    for n in 0..count {
        let input = make_input(&mut rng);
        bytes_total += input.len() as u64;
        CURRENT.with(|current| current.replace(input.clone()));
        let one = Instant::now();
        exercise(&input);
        let took = one.elapsed();
        if took > slowest.0 {
            slowest = (took, input.len());
            let _ = std::fs::write(std::env::temp_dir().join("fuzz-slowest.bin"), &input);
        }
        if (n + 1) % 100_000 == 0 {
            eprintln!("{} inputs, {:.0?}", n + 1, started.elapsed());
        }
    }
    println!(
        "fuzz: {count} inputs ({:.1} MB) from seed {seed} in {:.1?}, no panics; slowest input {:.1?} ({} bytes)",
        bytes_total as f64 / 1e6,
        started.elapsed(),
        slowest.0,
        slowest.1
    );
}

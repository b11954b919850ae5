//! `use_effect_on`: Yew's `use_effect_with`, through one instantiation of it for the whole app.
//!
//! Each `use_effect_with` on its own dependency and closure types compiles another copy of
//! Yew's effect hook (its `rendered`, its provider and their drops); the app had thirteen.
//! Here the dependencies travel as `Any` with the comparison of their own type, and the effect
//! and its clean-up as boxed closures, so every effect shares one copy. It behaves as
//! `use_effect_with`: the effect runs after a render whose dependencies differ from the last
//! run's (and after the first), the clean-up before the next run and on unmount.

use std::any::Any;

use yew::functional::{Hook, TearDown};
use yew::prelude::*;

/// An effect's dependencies, whatever their type, compared as that type.
struct Deps {
    value: Box<dyn Any>,
    same: fn(&dyn Any, &dyn Any) -> bool,
}

impl PartialEq for Deps {
    fn eq(&self, other: &Deps) -> bool {
        (self.same)(&*self.value, &*other.value)
    }
}

fn same_as<T: PartialEq + 'static>(a: &dyn Any, b: &dyn Any) -> bool {
    a.downcast_ref::<T>().is_some_and(|a| b.downcast_ref::<T>() == Some(a))
}

type Effect = Box<dyn FnOnce(&Deps) -> Box<dyn FnOnce()>>;

/// `use_effect_with(deps, effect)`, sharing one copy of the hook with every other effect.
pub fn use_effect_on<T, D>(deps: T, effect: impl FnOnce(&T) -> D + 'static) -> impl Hook<Output = ()>
where
    T: PartialEq + 'static,
    D: TearDown,
{
    let effect: Effect = Box::new(move |deps: &Deps| -> Box<dyn FnOnce()> {
        match deps.value.downcast_ref::<T>() {
            Some(deps) => {
                let clean_up = effect(deps);
                Box::new(move || clean_up.tear_down())
            }
            // Never: the value was made from a `T` just below.
            None => Box::new(|| ()),
        }
    });
    // The one use of Yew's effect hook (clippy.toml sends every effect here).
    #[allow(clippy::disallowed_methods)]
    use_effect_with(Deps { value: Box::new(deps), same: same_as::<T> }, effect)
}

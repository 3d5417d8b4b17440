//! Reading a JSON object member by member, for the types read by hand
//! rather than by serde's derived readers: those also read the object
//! written as a JSON array, which the API never sends, and that second
//! reader is the larger part of each type's reading in the widget's download.

use serde::de::{self, MapAccess};
use serde::Deserialize;

/// Reads a member's value into its slot; a member given twice is refused,
/// as serde's derived readers refuse it.
pub(crate) fn read_member<'de, A: MapAccess<'de>, T: Deserialize<'de>>(
    map: &mut A,
    slot: &mut Option<T>,
    name: &'static str,
) -> Result<(), A::Error> {
    if slot.is_some() {
        return Err(de::Error::duplicate_field(name));
    }
    *slot = Some(map.next_value()?);
    Ok(())
}

/// A required member, or the error that names it.
pub(crate) fn required<T, E: de::Error>(slot: Option<T>, name: &'static str) -> Result<T, E> {
    slot.ok_or_else(|| E::missing_field(name))
}

//! The copy a page leaves of unsaved work as it is hidden or closed (IndexedDB gives no promise
//! to a page that is unloading), and taking it back when that workspace loads again: only over
//! a stored save it has seen, else as a workspace of its own.

use std::cell::Cell;

use super::*;

/// As the page is hidden: a synchronous copy of unsaved work, in case the save just queued
/// never finishes because the page is closing.
pub(super) fn stash() {
    let unsaved = CHANGES.with(Cell::get) != STORED.with(Cell::get);
    if !unsaved || CONFLICT.with(Cell::get) {
        return;
    }
    let Some(handle) = LATEST.with(|l| l.borrow().clone()) else {
        return;
    };
    let Ok(bytes) = handle
        .snapshot()
        .and_then(|snap| codec::encode(&snap, Effort::Fast))
    else {
        return;
    };
    let id = current().id;
    let base = REVS.with(|r| r.borrow().get(&id).copied().unwrap_or(0));
    // Saves of it still to land, each of which moves the stored counter on by one.
    let queued = QUEUE.with(|q| q.borrow().iter().filter(|w| w.id == id).count());
    let writing = IN_FLIGHT.with(|f| f.borrow().as_deref() == Some(id.as_str()));
    let pending = queued as u32 + u32::from(writing);
    STASHED.with(|s| s.set(CHANGES.with(Cell::get)));
    let cur = current();
    TAB.with(|tab| {
        stash_unsaved(
            &id,
            tab,
            base,
            pending,
            &bytes,
            &cur.name,
            cur.kind.as_str(),
        )
    });
}

/// Workspace `id` as this browser left it: the stored copy, or the copy its page left as it
/// closed if that is newer. A copy made over a save it never saw (another tab's) opens as a
/// workspace of its own instead.
pub(super) async fn restore(id: String) -> Result<Playground, String> {
    let copy = TAB.with(|tab| take_unsaved(&id, tab));
    let unsaved = if copy.is_null() {
        None
    } else {
        Some((
            unsaved_bytes(&copy),
            unsaved_base(&copy),
            unsaved_pending(&copy),
            unsaved_writer(&copy),
        ))
    };
    // A workspace whose first save never landed exists only as the copy its page left.
    let (bytes, name, kind, rev, writer) = match load_record(&id).await {
        Ok(stored) => stored,
        Err(_) if unsaved.is_some() => (
            Vec::new(),
            unsaved_name(&copy),
            Kind::parse(&unsaved_kind(&copy)),
            0,
            String::new(),
        ),
        Err(e) => return Err(e),
    };
    REVS.with(|r| r.borrow_mut().insert(id.clone(), rev));
    let mut cur = Current {
        id,
        name,
        kind,
        origin: None,
    };
    let playground = match unsaved {
        Some((newer, base, pending, left_by)) if newer != bytes => {
            let p = playground_of(&newer)?;
            // The copy is newer than what is stored only if nothing was saved since it was
            // made, or what was saved since is that same page's own save landing late.
            let own = rev == base || (rev <= base + pending && writer == left_by);
            if !own {
                RECOVERED_FROM.with(|r| *r.borrow_mut() = Some(cur.id.clone()));
                cur = Current {
                    id: new_id(),
                    name: i18n::recovered_name(&cur.name, lang()),
                    kind: Kind::Copy,
                    origin: None,
                };
                // A message about a link just refused stays first.
                if STATUS.with(|s| *s.borrow() == Status::Idle) {
                    set_status(Status::Opened(i18n::saved_over_on_close(&cur.name)));
                }
            }
            NEXT_SAVE.with(|f| f.set(Some(true)));
            p
        }
        Some(_) => {
            // The copy holds what is stored: nothing to restore from it.
            TAB.with(|tab| drop_unsaved(&cur.id, tab));
            playground_of(&bytes)?
        }
        None => playground_of(&bytes)?,
    };
    set_current(cur);
    Ok(playground)
}

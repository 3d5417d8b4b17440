//! Sending many changes to the API at once: at most four requests in flight,
//! a change the API refuses for now (429) sent again once its wait is over,
//! and every change's answer kept. No DOM and no HTTP: the caller says how
//! one change is sent and how long an error asks to wait.

use std::future::Future;

use futures::stream::{self, StreamExt};

/// Requests in flight at most: a burst of hundreds would meet the API's
/// rate limit at once, and the browser's few connections per host anyway.
pub const AT_ONCE: usize = 4;

/// Sends every one of `changes` through `send`, at most [`AT_ONCE`] at a
/// time; an error for which `wait_before_retry` gives a wait is waited out
/// and that change sent again. `answered` hears how many have their final
/// answer so far. The answers come in the order they arrive.
pub async fn send_all<Change, Answer, Error, Sent, Waited>(
    changes: Vec<Change>,
    send: impl Fn(&Change) -> Sent,
    wait_before_retry: impl Fn(&Error) -> Option<Waited>,
    answered: impl Fn(usize),
) -> Vec<(Change, Result<Answer, Error>)>
where
    Sent: Future<Output = Result<Answer, Error>>,
    Waited: Future<Output = ()>,
{
    let (send, wait_before_retry) = (&send, &wait_before_retry);
    let mut count = 0;
    stream::iter(changes)
        .map(|change| async move {
            loop {
                match send(&change).await {
                    Err(error) => match wait_before_retry(&error) {
                        Some(wait) => wait.await,
                        None => return (change, Err(error)),
                    },
                    answer => return (change, answer),
                }
            }
        })
        .buffer_unordered(AT_ONCE)
        .inspect(|_| {
            count += 1;
            answered(count);
        })
        .collect()
        .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures::executor::block_on;
    use futures::future::{ready, Ready};
    use std::cell::{Cell, RefCell};

    /// A server for the tests: it counts the requests in flight (each stays
    /// in flight for `yields` polls) and answers each change by `answer`.
    struct Server {
        in_flight: Cell<usize>,
        most_in_flight: Cell<usize>,
        requests: RefCell<Vec<u32>>,
    }

    impl Server {
        fn new() -> Self {
            Self {
                in_flight: Cell::new(0),
                most_in_flight: Cell::new(0),
                requests: RefCell::new(Vec::new()),
            }
        }

        async fn request(&self, change: u32, answer: Result<u32, String>) -> Result<u32, String> {
            self.requests.borrow_mut().push(change);
            self.in_flight.set(self.in_flight.get() + 1);
            self.most_in_flight
                .set(self.most_in_flight.get().max(self.in_flight.get()));
            for _ in 0..3 {
                yield_once().await;
            }
            self.in_flight.set(self.in_flight.get() - 1);
            answer
        }
    }

    /// Gives the other futures a turn, once.
    async fn yield_once() {
        let mut yielded = false;
        futures::future::poll_fn(|context| {
            if yielded {
                std::task::Poll::Ready(())
            } else {
                yielded = true;
                context.waker().wake_by_ref();
                std::task::Poll::Pending
            }
        })
        .await
    }

    fn no_wait(_: &String) -> Option<Ready<()>> {
        None
    }

    // Guards: thirty changes are all sent and all answered, never more than
    // four at a time, and the count of answers grows to thirty.
    #[test]
    fn sends_every_change_at_most_four_at_a_time() {
        let server = Server::new();
        let counted = RefCell::new(Vec::new());
        let answers = block_on(send_all(
            (1..=30).collect(),
            |change| server.request(*change, Ok(change * 10)),
            no_wait,
            |count| counted.borrow_mut().push(count),
        ));
        assert_eq!(server.most_in_flight.get(), AT_ONCE);
        assert_eq!(answers.len(), 30);
        assert!(answers
            .iter()
            .all(|(change, answer)| *answer == Ok(change * 10)));
        assert_eq!(*counted.borrow(), (1..=30).collect::<Vec<_>>());
    }

    // Guards: a refusal ends its change with the error, and the others are
    // still sent and kept.
    #[test]
    fn a_refused_change_keeps_its_error_and_the_others_go_on() {
        let server = Server::new();
        let answers = block_on(send_all(
            vec![1, 2, 3],
            |change| {
                let answer = if *change == 2 {
                    Err("Permission denied".to_owned())
                } else {
                    Ok(*change)
                };
                server.request(*change, answer)
            },
            no_wait,
            |_| {},
        ));
        let mut answers = answers;
        answers.sort();
        assert_eq!(
            answers,
            [
                (1, Ok(1)),
                (2, Err("Permission denied".to_owned())),
                (3, Ok(3))
            ]
        );
    }

    // Guards: an error that asks to wait (a 429) is waited out and the same
    // change sent again, until the API takes it; it is counted once.
    #[test]
    fn a_change_refused_for_now_is_sent_again_after_its_wait() {
        let server = Server::new();
        let refusals_left = Cell::new(2);
        let waits = Cell::new(0);
        let counted = Cell::new(0);
        let answers = block_on(send_all(
            vec![7],
            |change| {
                let answer = if refusals_left.get() > 0 {
                    refusals_left.set(refusals_left.get() - 1);
                    Err("Too many requests".to_owned())
                } else {
                    Ok(*change)
                };
                server.request(*change, answer)
            },
            |error: &String| {
                (error == "Too many requests").then(|| {
                    waits.set(waits.get() + 1);
                    ready(())
                })
            },
            |count| counted.set(count),
        ));
        assert_eq!(answers, [(7, Ok(7))]);
        assert_eq!(*server.requests.borrow(), [7, 7, 7]);
        assert_eq!(waits.get(), 2);
        assert_eq!(counted.get(), 1);
    }
}

//! The people the widget knows by name: the contacts and the users seen on
//! the company's deals, and those the host page lists in its `directory`;
//! offered by the new-deal form's pickers, and by "Who are you?". The API has no people endpoint: the widget knows a person by
//! what the deals say of them. A person is matched like the search matches a
//! deal: every word typed, case and accents aside, in the name, the email,
//! the company or the id.

use deals_contract::{Contact, Deal, User};

use crate::deal_search::{folded, SearchWords};

/// A contact or a user, with what the form shows of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub id: String,
    pub name: String,
    pub email: Option<String>,
    /// A contact's company; users have none.
    pub company: Option<String>,
}

impl From<&Contact> for Person {
    fn from(contact: &Contact) -> Self {
        Self {
            id: contact.id.clone(),
            name: contact.name.clone(),
            email: contact.email.clone(),
            company: contact.current_company.clone(),
        }
    }
}

impl From<&User> for Person {
    fn from(user: &User) -> Self {
        Self {
            id: user.id.clone(),
            name: user.name.clone(),
            email: user.email.clone(),
            company: None,
        }
    }
}

/// People, each once by id, in the order of their names as the search
/// compares them (case and accents aside), then of their ids; each kept with
/// the folded text a typed word is looked for in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct People {
    known: Vec<(String, Person)>,
    /// Their ids, sorted: a host's directory or a company's deals may name
    /// thousands, each looked up as it is added.
    ids: Vec<String>,
}

impl People {
    /// Adds `person` unless someone with the same id is known: the first
    /// word on a person (the host's directory, read first) stands.
    pub fn add(&mut self, person: Person) {
        if self.ids.binary_search(&person.id).is_err() {
            self.insert(searched_text(&person), person);
        }
    }

    /// Adds `person`, whose `text` is already folded, unless their id is known.
    fn insert(&mut self, text: String, person: Person) {
        match self.ids.binary_search(&person.id) {
            Ok(_) => return,
            Err(at) => self.ids.insert(at, person.id.clone()),
        }
        let at = self.known.partition_point(|(known_text, known)| {
            (known_text.as_str(), known.id.as_str()) < (text.as_str(), person.id.as_str())
        });
        self.known.insert(at, (text, person));
    }

    /// The contacts `deals` are linked to.
    pub fn add_contacts<'a>(&mut self, deals: impl IntoIterator<Item = &'a Deal>) {
        for deal in deals {
            if let Some(contact) = &deal.contact {
                self.add(contact.into());
            }
        }
    }

    /// The users `deals` are assigned to.
    pub fn add_users<'a>(&mut self, deals: impl IntoIterator<Item = &'a Deal>) {
        for deal in deals {
            if let Some(user) = &deal.assigned_to {
                self.add(user.into());
            }
        }
    }

    /// Everyone, in order.
    pub fn iter(&self) -> impl Iterator<Item = &Person> {
        self.known.iter().map(|(_, person)| person)
    }

    pub fn find(&self, id: &str) -> Option<&Person> {
        self.iter().find(|person| person.id == id)
    }

    pub fn is_empty(&self) -> bool {
        self.known.is_empty()
    }

    /// The people whose text holds every word, in order, with that text.
    fn found<'a: 'w, 'w>(
        &'a self,
        words: &'w SearchWords,
    ) -> impl Iterator<Item = &'a (String, Person)> + 'w {
        self.known.iter().filter(|(text, _)| words.found_in(text))
    }
}

/// The text a typed word is looked for in, folded: name, email, company and
/// id apart by a line break, which no typed word holds, so that no word is
/// found across two of them; the name first, for the order.
fn searched_text(person: &Person) -> String {
    let fields = [
        Some(person.name.as_str()),
        person.email.as_deref(),
        person.company.as_deref(),
        Some(person.id.as_str()),
    ];
    let mut text = String::new();
    for field in fields.into_iter().flatten() {
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(&folded(field));
    }
    text
}

/// The first `at_most` people of `lists` whose text holds every word of
/// `typed`, by name, each once: the first list's word on a person stands.
/// Each list's folded text is taken as it is, not folded again.
pub fn matching_in(lists: &[&People], typed: &str, at_most: usize) -> Vec<Person> {
    let words = SearchWords::new(typed);
    let mut found = People::default();
    for list in lists {
        for (text, person) in list.found(&words).take(at_most) {
            found.insert(text.clone(), person.clone());
        }
    }
    found
        .known
        .into_iter()
        .take(at_most)
        .map(|(_, person)| person)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_deal;

    fn person(id: &str, name: &str, email: &str, company: Option<&str>) -> Person {
        Person {
            id: id.to_owned(),
            name: name.to_owned(),
            email: Some(email.to_owned()),
            company: company.map(str::to_owned),
        }
    }

    fn ids(people: &[Person]) -> Vec<String> {
        people.iter().map(|person| person.id.clone()).collect()
    }

    fn known() -> People {
        let mut people = People::default();
        for one in [
            person(
                "contact_3",
                "Zoé Martin",
                "zoe@acme.fr",
                Some("Société Générale"),
            ),
            person(
                "contact_1",
                "Jürgen Müller",
                "jm@strasse.de",
                Some("Straße AG"),
            ),
            person("contact_2", "Ada Lovelace", "ada@engine.io", None),
        ] {
            people.add(one);
        }
        people
    }

    #[test]
    fn people_are_kept_once_by_id_in_the_order_of_their_names() {
        let mut people = known();
        people.add(person("contact_1", "Someone Else", "else@x.io", None));
        assert_eq!(people.iter().count(), 3);
        assert_eq!(
            ids(&matching_in(&[&people], "", 10)),
            ["contact_2", "contact_1", "contact_3"]
        );
        // The first word on a person stands.
        assert_eq!(
            people.find("contact_1").map(|p| p.name.as_str()),
            Some("Jürgen Müller")
        );
    }

    #[test]
    fn every_word_is_matched_in_name_email_company_or_id_whatever_the_accents() {
        let people = known();
        assert_eq!(ids(&matching_in(&[&people], "muller", 10)), ["contact_1"]);
        assert_eq!(ids(&matching_in(&[&people], "STRASSE", 10)), ["contact_1"]);
        assert_eq!(
            ids(&matching_in(&[&people], "societe zoe", 10)),
            ["contact_3"]
        );
        assert_eq!(
            ids(&matching_in(&[&people], "engine.io", 10)),
            ["contact_2"]
        );
        assert_eq!(
            ids(&matching_in(&[&people], "contact_2", 10)),
            ["contact_2"]
        );
        assert!(matching_in(&[&people], "ada martin", 10).is_empty());
        // A word is not found across two fields.
        assert!(matching_in(&[&people], "lovelace ada@", 10).len() == 1);
        assert!(matching_in(&[&people], "lovelaceada", 10).is_empty());
    }

    // Guards: "Who are you?" offers each assignee once, in the order a
    // reader expects: "Émile" between "Dana" and "Fred", whatever the case.
    #[test]
    fn assignees_are_listed_once_each_by_folded_name() {
        let mut people = People::default();
        for (id, name) in [
            ("user_3", "fred"),
            ("user_1", "Émile"),
            ("user_3", "fred"),
            ("user_2", "Dana"),
        ] {
            people.add(person(id, name, "x@y.io", None));
        }
        let names: Vec<&str> = people.iter().map(|person| person.name.as_str()).collect();
        assert_eq!(names, ["Dana", "Émile", "fred"]);
    }

    #[test]
    fn at_most_so_many_are_offered() {
        assert_eq!(
            ids(&matching_in(&[&known()], "", 2)),
            ["contact_2", "contact_1"]
        );
    }

    #[test]
    fn contacts_and_users_are_read_from_the_deals() {
        let mut with_both = test_deal::deal("deal_1");
        with_both.contact = Some(Contact {
            id: "contact_9".to_owned(),
            name: "Chloé Durand".to_owned(),
            email: Some("chloe@durand.fr".to_owned()),
            phone_number: None,
            current_company: Some("Durand SA".to_owned()),
        });
        with_both.assigned_to = Some(User {
            id: "user_7".to_owned(),
            name: "Sam Rep".to_owned(),
            email: None,
        });
        let without = test_deal::deal("deal_2");
        let deals = [with_both.clone(), without, with_both];

        let mut contacts = People::default();
        contacts.add_contacts(&deals);
        assert_eq!(
            matching_in(&[&contacts], "durand", 10),
            [person(
                "contact_9",
                "Chloé Durand",
                "chloe@durand.fr",
                Some("Durand SA")
            )]
        );
        assert_eq!(contacts.iter().count(), 1);

        let mut users = People::default();
        users.add_users(&deals);
        assert_eq!(ids(&matching_in(&[&users], "sam", 10)), ["user_7"]);
        assert_eq!(
            users.find("user_7").and_then(|user| user.company.clone()),
            None
        );
    }

    #[test]
    fn several_lists_are_matched_as_one_the_first_ones_word_standing() {
        let mut host = People::default();
        host.add(person("contact_1", "Host's name", "host@x.io", None));
        host.add(person("contact_0", "Zed Alone", "zed@x.io", None));
        let deals = known();
        let found = matching_in(&[&host, &deals], "", 10);
        let names: Vec<&str> = found.iter().map(|person| person.name.as_str()).collect();
        assert_eq!(
            names,
            ["Ada Lovelace", "Host's name", "Zed Alone", "Zoé Martin"]
        );
        assert_eq!(matching_in(&[&host, &deals], "", 2).len(), 2);
        // A person is found by what any list says of them.
        assert_eq!(matching_in(&[&host, &deals], "muller", 10).len(), 1);
    }
}

//! French. Plural messages give three forms: one, many, other.

use crate::Msg;

pub const fn text(msg: Msg) -> &'static str {
    match msg {
        Msg::Deals => "Affaires",
        Msg::NewDeal => "Nouvelle affaire",
        Msg::ExportCsv => "Exporter en CSV",
        Msg::Disconnect => "Se déconnecter",
        Msg::Crashed => {
            "Le widget s’est arrêté de façon inattendue. Rechargez la page pour continuer."
        }

        Msg::ConnectTitle => "Se connecter à ISAO Deals",
        Msg::ApiKeyLabel => "Clé d’API",
        Msg::Connect => "Se connecter",
        Msg::CheckingKey => "Vérification de la clé…",
        Msg::SessionExpired => "Votre session a expiré. Rechargez la page pour vous reconnecter.",
        Msg::ReloadPage => "Recharger la page",

        Msg::FieldTitle => "Titre",
        Msg::FieldValue => "Montant",
        Msg::FieldCurrency => "Devise",
        Msg::FieldStage => "Étape",
        Msg::FieldPriority => "Priorité",
        Msg::FieldProbability => "Probabilité",
        Msg::FieldExpectedCloseDate => "Date de clôture prévue",
        Msg::FieldSource => "Source",
        Msg::FieldContactId => "ID du contact",
        Msg::FieldAssignedToId => "ID du responsable",
        Msg::FieldDescription => "Description",
        Msg::FieldActualCloseDate => "Date de clôture effective",
        Msg::NewStage => "Nouvelle étape",

        Msg::StatusOpen => "Ouverte",
        Msg::StatusWon => "Gagnée",
        Msg::StatusLost => "Perdue",
        Msg::PriorityLow => "Basse",
        Msg::PriorityMedium => "Moyenne",
        Msg::PriorityHigh => "Haute",
        Msg::StageDiscovery => "Découverte",
        Msg::StageQualification => "Qualification",
        Msg::StageProposal => "Proposition",
        Msg::StageNegotiation => "Négociation",
        Msg::StageContractReview => "Revue du contrat",
        Msg::StageClosedWon => "Conclue gagnée",
        Msg::StageClosedLost => "Conclue perdue",
        Msg::NoStage => "Sans étape",
        // -- The list and the toolbar's other parts (deal_list, deal_table, views, all_matching, refresh_failure, rate_limit, workspace)
        Msg::Status => "Statut",
        Msg::AllStatuses => "Tous",
        Msg::Filters => "Filtres",
        Msg::CreatedSince => "Créées depuis le",
        Msg::UpdatedSince => "Modifiées depuis le",
        Msg::ResetFilters => "Réinitialiser les filtres",
        Msg::Views => "Vues",
        Msg::ViewList => "Liste",
        Msg::ViewBoard => "Tableau",
        Msg::ViewForecast => "Prévisions",
        Msg::LoadingDeals => "Chargement des affaires…",
        Msg::LoadingDealsOf => "Chargement des affaires : {loaded} sur {total}",
        Msg::ShowingDeals => "{shown} affaire affichée sur {count}|{shown} affaires affichées sur {count}|{shown} affaires affichées sur {count}",
        Msg::LoadingStopped => "{shown} affaire affichée sur {count} : le chargement a été arrêté.|{shown} affaires affichées sur {count} : le chargement a été arrêté.|{shown} affaires affichées sur {count} : le chargement a été arrêté.",
        Msg::LoadAll => "Tout charger",
        Msg::Cancel => "Annuler",
        Msg::Retry => "Réessayer",
        Msg::ShowChanges => "Afficher",
        Msg::ManyDealsChanged => "De nombreuses affaires ont changé",
        Msg::DealsChanged => "{count} affaire a changé|{count} affaires ont changé|{count} affaires ont changé",
        Msg::RefreshFailing => "L’actualisation automatique a échoué {count} fois de suite : {error}. Elle continue d’essayer.|L’actualisation automatique a échoué {count} fois de suite : {error}. Elle continue d’essayer.|L’actualisation automatique a échoué {count} fois de suite : {error}. Elle continue d’essayer.",
        Msg::TryingAgainNow => "Nouvel essai en cours…",
        Msg::TryingAgainIn => "Nouvel essai dans {count} seconde…|Nouvel essai dans {count} secondes…|Nouvel essai dans {count} secondes…",
        Msg::NoDealsMatch => "Aucune affaire ne correspond à ces filtres.",
        Msg::NoDealsYet => "Aucune affaire pour l’instant.",
        Msg::PageMissing => "La page {page} n’existe pas : il y a {count} page.|La page {page} n’existe pas : il y a {count} pages.|La page {page} n’existe pas : il y a {count} pages.",
        Msg::GoToPage => "Aller à la page {page}",
        Msg::OpenPipeline => "Affaires ouvertes de cette page",
        Msg::OpenTotal => "Ouvert {currency} : {amount}",
        Msg::WeightedTotal => "pondéré {amount}",
        Msg::Pagination => "Pagination",
        Msg::Previous => "Précédente",
        Msg::Next => "Suivante",
        Msg::PageOf => "Page {page} sur {pages}",
        Msg::DealCount => "{count} affaire|{count} affaires|{count} affaires",
        Msg::PageSize => "Affaires par page",
        Msg::ColumnExpectedClose => "Clôture prévue",
        Msg::ColumnContact => "Contact",
        Msg::ColumnAssignedTo => "Responsable",

        // -- The API's messages and the key's diagnostics (api errors, api_key)
        Msg::ApiKeyRefused => "L’API Deals n’accepte pas cette clé.",
        Msg::PermissionMissing => "Cette clé d’API n’a pas l’autorisation {permission}.",
        Msg::DealNotFound => "Cette affaire n’existe pas ou appartient à une autre entreprise.",
        Msg::ValuesRefused => "Certaines valeurs ont été refusées.",
        Msg::ContactNotFound => "Aucun contact de votre entreprise n’a cet ID.",
        Msg::UserNotFound => "Aucun utilisateur de votre entreprise n’a cet ID.",
        Msg::RateLimited => "L’API Deals reçoit trop de demandes",
        Msg::ApiFailed => "L’API Deals a échoué (HTTP {status}).",
        Msg::ApiUnreachable => "Impossible de joindre l’API Deals.",
        Msg::ApiUnreadable => "L’API Deals a envoyé une réponse que le widget ne sait pas lire.",
        Msg::FieldRequired => "Le champ « {field} » est obligatoire.",
        Msg::FieldTooLong => "Le champ « {field} » ne doit pas dépasser {max} caractères.",
        Msg::FieldNotText => "Le champ « {field} » doit être du texte.",
        Msg::FieldInvisible => "Le champ « {field} » doit contenir des caractères visibles.",
        Msg::FieldCharacter => "Le caractère {position} du champ « {field} » n’est pas accepté ({code}) : supprimez-le.",
        Msg::ValueTooLarge => "Le montant ne doit pas dépasser 10 000 000 000 000.",
        Msg::ValuePositive => "Le montant doit être un nombre positif.",
        Msg::CurrencyCode => "La devise doit être un code de devise, par exemple EUR.",
        Msg::PriorityChoice => "La priorité doit être basse, moyenne ou haute.",
        Msg::ProbabilityRange => "La probabilité doit être un nombre de 0 à 100.",
        Msg::DateFormat => "Le champ « {field} » doit être une date avec une année à quatre chiffres.",
        Msg::StatusChoice => "Le statut doit être Ouverte, Gagnée ou Perdue.",
        Msg::CloseDateNeedsClosing => "Une date de clôture effective ne peut être indiquée qu’avec le statut gagnée ou perdue.",
        Msg::KeyEmpty => "Saisissez une clé d’API.",
        Msg::KeyCharacter => "Le caractère {position} de la clé est {kind} : une clé d’API ne contient que des caractères ASCII visibles. Copiez de nouveau la clé.",
        Msg::KeySpace => "une espace",
        Msg::KeyNoBreakSpace => "une espace insécable",
        Msg::KeyZeroWidth => "un caractère invisible de largeur nulle",
        Msg::KeyWhitespace => "un caractère d’espacement",
        Msg::KeyControl => "un caractère de contrôle",
        Msg::KeyNonAscii => "le caractère non ASCII « {character} »",

        // -- A deal and the new-deal form (deal_detail, deal_form, draft)

        // -- The board and its moves (board/)

        // -- The forecast (forecast)

        // -- The CSV export (export, csv_export)

        // -- Loading screens on demand (on_demand)
    }
}

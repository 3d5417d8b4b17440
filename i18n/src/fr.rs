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

        // -- The API's messages and the key's diagnostics (api errors, api_key)

        // -- A deal and the new-deal form (deal_detail, deal_form, draft)
        Msg::BackToList => "Retour à la liste",
        Msg::LoadingDeal => "Chargement de l’affaire…",
        Msg::DealNotFound => "Affaire introuvable",
        Msg::FieldStatus => "Statut",
        Msg::FieldContact => "Contact",
        Msg::FieldContactEmail => "E-mail du contact",
        Msg::FieldContactPhone => "Téléphone du contact",
        Msg::FieldAssignedTo => "Responsable",
        Msg::FieldCreated => "Date de création",
        Msg::FieldUpdated => "Dernière modification",
        Msg::MoveDealForward => "Faire avancer cette affaire",
        Msg::MarkWon => "Marquer comme gagnée",
        Msg::MarkLost => "Marquer comme perdue",
        Msg::ChangeStage => "Changer d’étape",
        Msg::EnterCloseDate => "Saisissez la date et l’heure de clôture de l’affaire.",
        Msg::EnterStage => "Saisissez une étape.",
        Msg::CreateDeal => "Créer l’affaire",
        Msg::Cancel => "Annuler",
        Msg::CreatingDeal => "Création de l’affaire…",
        Msg::CorrectFields => "Veuillez corriger les champs signalés ci-dessous.",
        Msg::DealNotCreated => "L’affaire n’a pas été créée : voyez les champs signalés ci-dessous.",

        // -- The board and its moves (board/)
        Msg::IdleOnly => "Inactives seulement",
        Msg::ColumnDeals => "{count} affaire|{count} d’affaires|{count} affaires",
        Msg::ShowMore => "Afficher {count} de plus|Afficher {count} de plus|Afficher {count} de plus",
        Msg::WeightedTotal => "· pondéré {amount}",
        Msg::MoveCard => "Déplacer",
        Msg::MoveDeal => "Déplacer {title}",
        Msg::ClosesOn => "Clôture le {date}",
        Msg::IdleDays => "Inactive depuis {count} jour|Inactive depuis {count} de jours|Inactive depuis {count} jours",
        Msg::MoveDealTo => "Déplacer « {title} » vers :",
        Msg::ReopenDeal => "Rouvrir l’affaire",
        Msg::ReopenWonDeal => "« {title} » est gagnée. La rouvrir et la déplacer vers {stage} ?",
        Msg::ReopenLostDeal => "« {title} » est perdue. La rouvrir et la déplacer vers {stage} ?",
        Msg::ReopenAndMove => "Rouvrir et déplacer",
        Msg::AlreadyInStage => "{title} est déjà à l’étape {stage}",
        Msg::NotMoved => "{title} n’a pas été déplacée",
        Msg::NotMovedBecause => "{title} n’a pas été déplacée : {reason}",
        Msg::MovedDeal => "{title} déplacée vers {stage}, position {position} sur {size}",

        // -- The forecast (forecast)
        Msg::NoOpenDealsMatch => "Aucune affaire ouverte ne correspond à ces filtres.",
        Msg::OpenValue => "Montant ouvert",
        Msg::WeightedValue => "Montant pondéré",
        Msg::ExpectedClose => "Clôture prévue",
        Msg::ForecastCaption => "Prévisions en {currency} par mois de clôture prévue",
        Msg::ForecastTotal => "Total",
        Msg::Overdue => "En retard",
        Msg::Later => "Plus tard",
        Msg::NoDate => "Sans date",

        // -- The CSV export (export, csv_export)
        Msg::ExportScope => "Toutes les affaires correspondant aux filtres, toutes pages comprises, dans un seul fichier.",
        Msg::CsvSeparator => "Séparateur CSV",
        Msg::SeparatorComma => "Virgule (,)",
        Msg::SeparatorSemicolon => "Point-virgule (;)",
        Msg::CsvForReimport => "Noms de champs et valeurs de l’API (pour réimporter)",
        Msg::SaveCsv => "Enregistrer le CSV",
        Msg::ExportStarting => "Export en cours…",
        Msg::ExportProgress => "Export : {loaded} sur {count} affaire|Export : {loaded} sur {count} d’affaires|Export : {loaded} sur {count} affaires",
        Msg::CancelExport => "Annuler l’export",
        Msg::Exported => "{count} affaire exportée.|{count} d’affaires exportées.|{count} affaires exportées.",
        Msg::ExportCancelled => "Export annulé.",
        Msg::ExportFailed => "Échec de l’export : {reason}",
        Msg::BrowserRefusedSave => "Le navigateur n’a pas pu enregistrer le fichier : {reason}.",
        Msg::ColumnId => "ID",
        Msg::ColumnContactCompany => "Entreprise du contact",
        Msg::ColumnAssignedToEmail => "E-mail du responsable",

        // -- Loading screens on demand (on_demand)
        Msg::Loading => "Chargement…",
        Msg::ScreenNotLoaded => "Cet écran n’a pas pu être chargé en toute sécurité. Vérifiez le réseau et réessayez.",
        Msg::Retry => "Réessayer",
    }
}

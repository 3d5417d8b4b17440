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

        // -- The board and its moves (board/)

        // -- The forecast (forecast)

        // -- The CSV export (export, csv_export)

        // -- Loading screens on demand (on_demand)
    }
}

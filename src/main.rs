//! Start-up of the shipped bundle: mount every widget the page declares.

fn main() {
    isao_deals_widget::embed::mount_declared();
}

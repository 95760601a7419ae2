pub mod audit;
pub mod login;
pub mod login_link;
pub mod password_reset;
pub mod session_list;
pub mod session_new;

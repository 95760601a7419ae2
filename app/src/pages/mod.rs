pub mod login;
pub mod session_list;
pub mod session_new;

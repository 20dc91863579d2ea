//! What curators need to make and change a fair, above the content layer that reads it: the
//! content reference generated from the schema (`expo-hall reference`).

pub mod reference;

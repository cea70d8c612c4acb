/// The second-opinion dialog bundle that ships inside the binary.
///
/// The files come from the package's `Dialogs/` folder at build time, so the executable works from
/// any working directory and as a copied binary.
public enum SecondOpinionDialogs {
    /// Every file of the bundle, keyed by its path relative to `Dialogs/` (for example
    /// `flows/costs.json`).
    public static var files: [String: String] { embeddedDialogFiles }
}

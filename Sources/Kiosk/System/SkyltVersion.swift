/// Which Skylt this is: in `skylt --version`, the User-Agent of its requests and its reports to a hub.
public enum SkyltVersion {
    public static let text = "0.9.0"
}

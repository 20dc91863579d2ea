//! The panels' QR codes read back as the links they show: every link in the shipped content,
//! drawn as the panel draws it, decoded with an independent reader (rqrr).

use expo_hall::ui::qr::{QUIET_ZONE, qr_pixels};

use crate::support::shipped;

fn decode(side: usize, pixels: &[u8]) -> Vec<String> {
    let mut image =
        rqrr::PreparedImage::prepare_from_greyscale(side, side, |x, y| pixels[y * side + x]);
    image
        .detect_grids()
        .into_iter()
        .filter_map(|grid| grid.decode().ok().map(|(_, text)| text))
        .collect()
}

#[test]
fn every_links_qr_code_reads_back_as_its_address() {
    let exhibition = shipped();
    let mut urls: Vec<&str> = Vec::new();
    for zone in &exhibition.zones {
        urls.extend(zone.links.iter().map(|l| l.url.as_str()));
        for exhibit in &zone.exhibits {
            urls.extend(exhibit.links.iter().map(|l| l.url.as_str()));
        }
    }
    assert!(
        urls.len() >= 25,
        "the shipped content links its zones and exhibits"
    );
    for url in urls {
        let (side, pixels) = qr_pixels(url, 4).expect("a code");
        assert_eq!(decode(side, &pixels), vec![url.to_owned()], "{url}");
        // The quiet zone is blank on every side.
        let margin = QUIET_ZONE * 4;
        assert!(pixels[..margin * side].iter().all(|p| *p == 255));
        assert!((0..side).all(|y| {
            pixels[y * side..y * side + margin]
                .iter()
                .all(|p| *p == 255)
        }));
    }
}

#[test]
fn a_text_too_long_for_any_qr_code_gets_none_and_a_damaged_code_does_not_read_wrong() {
    assert!(qr_pixels(&"x".repeat(5000), 4).is_none());
    let url = "https://en.wikipedia.org/wiki/Thangka";
    let (side, mut pixels) = qr_pixels(url, 4).unwrap();
    // Blot out the middle third: the reader may fail, but must never read another address.
    for y in side / 3..2 * side / 3 {
        pixels[y * side + side / 3..y * side + 2 * side / 3].fill(0);
    }
    assert!(decode(side, &pixels).iter().all(|text| text == url));
}

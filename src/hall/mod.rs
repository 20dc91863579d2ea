//! The 3D hall, built entirely from the loaded [`CurrentExhibition`]: the shell (floor, walls,
//! ceiling, light), a booth for every footprint and a display for every exhibit. Signs are real
//! text ([`signs`]) and are redrawn when the language changes.

pub mod baked_light;
pub mod booths;
pub mod exhibits;
pub mod floor;
pub mod models;
pub mod palette;
pub mod shell;
pub mod signs;
pub mod textiles;

use ab_glyph::FontRef;
use bevy::{gltf::GltfAssetLabel, prelude::*, world_serialization::WorldAssetRoot};

use crate::{
    camera::rig::CameraRig,
    content::{
        assets::FontBytes,
        exhibition::{ExhibitRef, Exhibition},
        live::{ContentReloaded, LiveReload},
        loading::{CurrentExhibition, Fonts},
        model::{AreaRef, Lang, Text},
    },
    i18n::CurrentLang,
    quality::{Quality, QualityTier},
    screens::{LoadingStep, Screen},
    theme::{INK_RGB, RED_RGB},
};

pub fn plugin(app: &mut App) {
    app.init_resource::<SignImages>()
        .add_message::<ContentReloaded>()
        .insert_resource(ClearColor(Color::srgb(0.80, 0.82, 0.85)))
        .insert_resource(GlobalAmbientLight {
            color: Color::WHITE,
            brightness: 220.0,
            ..default()
        })
        .add_systems(OnEnter(LoadingStep::Warmup), build_hall)
        .add_systems(
            PreUpdate,
            rebuild_hall.in_set(LiveReload::Follow).run_if(
                on_message::<ContentReloaded>
                    .or_else(signs_off_the_tier_scale)
                    .and_then(in_state(Screen::Hall)),
            ),
        )
        .add_plugins((models::plugin, baked_light::plugin))
        .init_resource::<crate::quality::StandingPeople>()
        .add_systems(Update, shell::show_people)
        .add_systems(Update, open_roof.run_if(resource_exists::<CameraRig>))
        .add_systems(
            Update,
            (exhibits::advance_slideshows, exhibits::roll_screen_text)
                .run_if(in_state(Screen::Hall)),
        )
        .add_systems(
            Update,
            light_for_tier.run_if(resource_exists::<QualityTier>),
        )
        .add_systems(
            Update,
            redraw_signs.run_if(resource_changed::<CurrentLang>.and_then(in_state(Screen::Hall))),
        );
}

/// Marks everything that belongs to the built hall; it goes when the hall screen is left.
#[derive(Component, Debug, Default)]
#[require(DespawnOnExit<Screen> = DespawnOnExit(Screen::Hall))]
pub struct HallScene;

/// Everything built from the exhibition (not the hover ring and the like): taken down and built
/// again when the content changes.
#[derive(Component, Debug, Default)]
#[require(HallScene)]
pub struct BuiltScene;

/// The roof (deck, trusses, lights): hidden when the camera rises above it, like a dollhouse.
#[derive(Component, Debug)]
pub struct Roof;

/// An exhibit's display; picking and highlighting find the exhibit through it.
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExhibitEntity(pub ExhibitRef);

/// A booth (pavilion or China sector) by its area; its fascia sign opens the pavilion panel.
#[derive(Component, Debug, Clone, PartialEq, Eq)]
pub struct BoothEntity {
    pub area: AreaRef,
    pub zone: usize,
}

/// The hall's floor; a click on a booth's carpet opens that booth's panel.
#[derive(Component, Debug)]
pub struct HallFloor;

/// A booth's name sign; clicking it opens the pavilion (or sector) panel.
#[derive(Component, Debug)]
pub struct FasciaSign;

/// Every sign texture of the built hall by what it is and its size, with the text it shows. A
/// rebuild (edited content) reuses the texture of a sign whose text did not change and redraws
/// the others in place, so editing one file neither redraws nor reallocates the hall's signs.
#[derive(Resource, Debug, Default)]
pub struct SignImages {
    drawn: DrawnSigns,
    /// The share of their full size the signs were drawn at ([`Builder::sign_scale`]).
    scale: f32,
}

/// Sign textures by (kind, width, height), with the layout each shows.
type DrawnSigns =
    std::collections::HashMap<(SignKind, u32, u32), (signs::SignLayout, Handle<Image>)>;

/// A texture with text on it, and what text it shows.
#[derive(Component, Debug, Clone)]
pub struct Sign {
    pub kind: SignKind,
    pub image: Handle<Image>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum SignKind {
    /// A booth's fascia: the zone (or sector) name in both languages.
    Fascia { area: AreaRef },
    /// An exhibit's printed panel: title and summary.
    Panel(ExhibitRef),
    /// An exhibit's video screen: title on a dark slide.
    Screen(ExhibitRef),
    /// A statistic board: big figure (title) and summary.
    Statistic(ExhibitRef),
    /// The hall's banner on the north wall.
    HallBanner,
    /// A signpost (its index in the hall's furnishing): the way to the host's zone and to each
    /// group of pavilions, with arrows as seen from where it stands.
    Signpost(usize),
}

fn build_hall(
    mut commands: Commands,
    exhibition: Res<CurrentExhibition>,
    fonts: Res<Fonts>,
    font_assets: Res<Assets<FontBytes>>,
    lang: Res<CurrentLang>,
    assets: Res<AssetServer>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<StandardMaterial>>,
    mut images: ResMut<Assets<Image>>,
    mut sign_images: ResMut<SignImages>,
    tier: Option<Res<QualityTier>>,
) {
    let mut palette = palette::Palette::new(&mut meshes);
    let font = sign_fonts(&fonts, &font_assets);
    let mut builder = Builder {
        commands: &mut commands,
        palette: &mut palette,
        materials: &mut materials,
        images: &mut images,
        assets: &assets,
        font: font.as_ref(),
        exhibition: &exhibition,
        lang: **lang,
        previous_signs: std::mem::take(&mut sign_images.drawn),
        signs: SignImages::default(),
        // Signs need no finer texels than the scene they are drawn in.
        sign_scale: tier.map_or(1.0, |tier| tier.quality.render_scale()),
    };
    shell::build(&mut builder);
    booths::build(&mut builder);
    exhibits::build(&mut builder);
    // Signs the new hall no longer has are dropped with `previous_signs`.
    *sign_images = SignImages {
        scale: builder.sign_scale,
        ..builder.signs
    };
    commands.insert_resource(palette);
}

/// The tier changed to one that draws the scene at another scale (low ↔ medium, high): the
/// signs are drawn again at the new scale, with the rest of the hall.
fn signs_off_the_tier_scale(tier: Option<Res<QualityTier>>, signs: Res<SignImages>) -> bool {
    tier.is_some_and(|tier| tier.is_changed() && tier.quality.render_scale() != signs.scale)
}

/// The content changed while the hall is open, or the tier's scale: the scene is taken down and
/// built again from the exhibition (the camera, language and panels are resources and stay).
fn rebuild_hall(
    mut commands: Commands,
    mut reloaded: MessageReader<ContentReloaded>,
    built: Query<Entity, (With<BuiltScene>, Without<ChildOf>)>,
    exhibition: Res<CurrentExhibition>,
    fonts: Res<Fonts>,
    font_assets: Res<Assets<FontBytes>>,
    lang: Res<CurrentLang>,
    assets: Res<AssetServer>,
    meshes: ResMut<Assets<Mesh>>,
    materials: ResMut<Assets<StandardMaterial>>,
    images: ResMut<Assets<Image>>,
    sign_images: ResMut<SignImages>,
    tier: Option<Res<QualityTier>>,
) {
    reloaded.clear();
    let started = std::time::Instant::now();
    for entity in &built {
        commands.entity(entity).despawn();
    }
    build_hall(
        commands,
        exhibition,
        fonts,
        font_assets,
        lang,
        assets,
        meshes,
        materials,
        images,
        sign_images,
        tier,
    );
    info!("hall rebuilt in {} ms", started.elapsed().as_millis());
}

/// Everything a part of the scene needs while it is being built.
pub struct Builder<'a, 'w, 's> {
    pub commands: &'a mut Commands<'w, 's>,
    pub palette: &'a mut palette::Palette,
    pub materials: &'a mut Assets<StandardMaterial>,
    pub images: &'a mut Assets<Image>,
    pub assets: &'a AssetServer,
    pub font: Option<&'a signs::FontStack<'a>>,
    pub exhibition: &'a Exhibition,
    pub lang: Lang,
    /// The signs of the hall this one replaces, and those drawn so far.
    previous_signs: DrawnSigns,
    signs: SignImages,
    /// The share of each sign's full size (per axis) its texture is drawn at: the tier's render
    /// scale, so the low tier's signs take a quarter of the memory.
    sign_scale: f32,
}

impl Builder<'_, '_, '_> {
    /// The scene of a model file (`.glb`) in the content folder, to spawn with a transform.
    pub fn model(&self, file: &str) -> WorldAssetRoot {
        WorldAssetRoot(
            self.assets
                .load(GltfAssetLabel::Scene(0).from_asset(file.to_owned())),
        )
    }

    /// Unit boxes, each with its material and transform (which scales it), under `root`.
    pub fn boxes(&mut self, root: Entity, parts: Vec<(Handle<StandardMaterial>, Transform)>) {
        for (material, transform) in parts {
            self.commands.spawn((
                Mesh3d(self.palette.cube.clone()),
                MeshMaterial3d(material),
                transform,
                ChildOf(root),
            ));
        }
    }

    /// A sign texture and an unlit material showing it; the returned [`Sign`] goes on the quad.
    pub fn sign(
        &mut self,
        kind: SignKind,
        width: u32,
        height: u32,
        glow: bool,
    ) -> (Sign, Handle<StandardMaterial>) {
        let scaled = |pixels: u32| ((pixels as f32 * self.sign_scale).round() as u32).max(1);
        let (width, height) = (scaled(width), scaled(height));
        let layout = sign_layout(&kind, self.exhibition, self.lang, width, height);
        let key = (kind.clone(), width, height);
        let draw = |layout: &signs::SignLayout| match self.font {
            Some(font) => signs::sign_image(font, layout),
            None => signs::sign_image_blank(layout),
        };
        let image = match self.previous_signs.remove(&key) {
            Some((drawn, handle)) if drawn == layout => handle,
            Some((_, handle)) => {
                self.images.insert(&handle, draw(&layout)).ok();
                handle
            }
            None => self.images.add(draw(&layout)),
        };
        let background = layout.background;
        self.signs.drawn.insert(key, (layout, image.clone()));
        let material = self.materials.add(StandardMaterial {
            base_color_texture: Some(image.clone()),
            unlit: glow,
            emissive: if glow {
                LinearRgba::gray(0.4)
            } else {
                LinearRgba::BLACK
            },
            emissive_texture: glow.then(|| image.clone()),
            perceptual_roughness: 0.8,
            alpha_mode: if background[3] < 255 {
                AlphaMode::Blend
            } else {
                AlphaMode::Opaque
            },
            ..default()
        });
        (Sign { kind, image }, material)
    }
}

/// The text and colours of a sign in `lang` (the other required language shown second).
pub fn sign_layout(
    kind: &SignKind,
    exhibition: &Exhibition,
    lang: Lang,
    width: u32,
    height: u32,
) -> signs::SignLayout {
    use signs::{Line, SignLayout};
    // The companion language's words only where they add something (see `companion_text`).
    fn second<'t>(exhibition: &Exhibition, text: &'t Text, lang: Lang) -> Option<&'t str> {
        exhibition.hall.companion_text(text, lang)
    }
    let line = |text: &str, size: f32, colour: [u8; 3]| Line {
        text: text.to_owned(),
        size,
        colour,
    };
    match kind {
        SignKind::Fascia { area } => {
            let name = exhibition.area_name(area).cloned().unwrap_or_default();
            // Sectors of the host's zone have red fascias, pavilions white ones.
            let (background, ink) = if area.sector.is_some() {
                (RED_RGB, [255, 255, 255])
            } else {
                ([250, 250, 247], INK_RGB)
            };
            // Long, low fascias carry both names on one line; taller signs stack them.
            let lines = match (second(exhibition, &name, lang), width > 5 * height) {
                (Some(other), true) => {
                    vec![line(&format!("{}   {other}", name.get(lang)), 0.62, ink)]
                }
                (Some(other), false) => {
                    vec![line(name.get(lang), 0.42, ink), line(other, 0.26, ink)]
                }
                (None, true) => vec![line(name.get(lang), 0.62, ink)],
                (None, false) => vec![line(name.get(lang), 0.42, ink)],
            };
            SignLayout {
                width,
                height,
                background: [background[0], background[1], background[2], 255],
                lines,
                left_aligned: false,
                cut_below_text: None,
            }
        }
        SignKind::Panel(at) => {
            let exhibit = exhibition.exhibit(*at);
            SignLayout {
                width,
                height,
                background: [248, 247, 243, 255],
                lines: std::iter::once(line(exhibit.title.get(lang), 0.075, RED_RGB))
                    .chain(
                        second(exhibition, &exhibit.title, lang)
                            .map(|t| line(t, 0.05, [90, 90, 90])),
                    )
                    .chain([
                        line(exhibit.summary.get(lang), 0.045, [40, 40, 40]),
                        line(exhibit.description.get(lang), 0.036, [70, 70, 70]),
                    ])
                    .collect(),
                left_aligned: true,
                cut_below_text: None,
            }
        }
        SignKind::Screen(at) => {
            // A page up to several screens tall, cut below its text, that rolls through the screen.
            let exhibit = exhibition.exhibit(*at);
            let screen = 1.0 / exhibits::ScrollingText::PAGE_SCREENS;
            SignLayout {
                width,
                height,
                background: [16, 34, 66, 255],
                lines: vec![
                    line(exhibit.title.get(lang), 0.16 * screen, [255, 255, 255]),
                    line(exhibit.summary.get(lang), 0.09 * screen, [170, 200, 235]),
                    line(
                        exhibit.description.get(lang),
                        0.075 * screen,
                        [226, 232, 242],
                    ),
                ],
                left_aligned: true,
                cut_below_text: Some((height as f32 * screen) as u32),
            }
        }
        SignKind::Statistic(at) => {
            let exhibit = exhibition.exhibit(*at);
            SignLayout {
                width,
                height,
                background: [RED_RGB[0], RED_RGB[1], RED_RGB[2], 255],
                lines: vec![
                    line(exhibit.title.get(lang), 0.09, [255, 255, 255]),
                    line(exhibit.summary.get(lang), 0.05, [255, 226, 200]),
                ],
                left_aligned: true,
                cut_below_text: None,
            }
        }
        SignKind::HallBanner => {
            let about = &exhibition.hall.about;
            SignLayout {
                width,
                height,
                background: [RED_RGB[0], RED_RGB[1], RED_RGB[2], 255],
                lines: std::iter::once(line(about.title.get(lang), 0.3, [255, 255, 255]))
                    .chain(
                        second(exhibition, &about.title, lang)
                            .map(|t| line(t, 0.18, [255, 230, 200])),
                    )
                    .chain([line(
                        exhibition.hall.shell.name.get(lang),
                        0.14,
                        [255, 255, 255],
                    )])
                    .collect(),
                left_aligned: false,
                cut_below_text: None,
            }
        }
        SignKind::Signpost(index) => {
            let lines = match exhibition.hall.shell.furnishing.signposts.get(*index) {
                Some(post) => exhibition
                    .destinations()
                    .into_iter()
                    .flat_map(|(name, booths)| {
                        // Towards the group's nearest booth.
                        let from = Vec2::new(post.x, post.z);
                        let nearest = booths
                            .into_iter()
                            .min_by(|a, b| a.distance(from).total_cmp(&b.distance(from)))
                            .unwrap_or(from);
                        let arrow = shell::arrow_towards(post, nearest);
                        std::iter::once(line(
                            &format!("{arrow}  {}", name.get(lang)),
                            0.09,
                            [255, 255, 255],
                        ))
                        .chain(
                            second(exhibition, name, lang).map(|t| line(t, 0.065, [255, 214, 170])),
                        )
                        .collect::<Vec<_>>()
                    })
                    .collect(),
                None => Vec::new(),
            };
            SignLayout {
                width,
                height,
                background: [32, 36, 44, 255],
                lines,
                left_aligned: true,
                cut_below_text: None,
            }
        }
    }
}

/// The hall light casts shadows from the medium tier up (a new light after a rebuild too).
fn light_for_tier(tier: Res<QualityTier>, mut lights: Query<&mut DirectionalLight>) {
    let wanted = tier.quality >= Quality::Medium;
    for mut light in &mut lights {
        if (tier.is_changed() || light.is_added()) && light.shadow_maps_enabled != wanted {
            light.shadow_maps_enabled = wanted;
        }
    }
}

fn open_roof(
    rig: Res<CameraRig>,
    exhibition: Res<CurrentExhibition>,
    mut roof: Query<&mut Visibility, With<Roof>>,
) {
    let above = rig.pose().eye.y > exhibition.hall.shell.wall_height;
    let wanted = if above {
        Visibility::Hidden
    } else {
        Visibility::Inherited
    };
    for mut visibility in &mut roof {
        visibility.set_if_neq(wanted);
    }
}

/// The bold fonts that loaded, in order, for the signs; none loaded leaves the signs blank.
fn sign_fonts<'a>(
    fonts: &Fonts,
    font_assets: &'a Assets<FontBytes>,
) -> Option<signs::FontStack<'a>> {
    let faces: Vec<FontRef<'a>> = fonts
        .bold
        .iter()
        .filter_map(|handle| font_assets.get(handle))
        .filter_map(|bytes| FontRef::try_from_slice(&bytes.0).ok())
        .collect();
    (!faces.is_empty()).then_some(signs::FontStack(faces))
}

fn redraw_signs(
    exhibition: Res<CurrentExhibition>,
    lang: Res<CurrentLang>,
    fonts: Res<Fonts>,
    font_assets: Res<Assets<FontBytes>>,
    signs_query: Query<&Sign>,
    mut images: ResMut<Assets<Image>>,
    mut sign_images: ResMut<SignImages>,
) {
    let Some(font) = sign_fonts(&fonts, &font_assets) else {
        return;
    };
    for sign in &signs_query {
        let Some(size) = images.get(&sign.image).map(|i| (i.width(), i.height())) else {
            continue;
        };
        let layout = sign_layout(&sign.kind, &exhibition, **lang, size.0, size.1);
        images
            .insert(&sign.image, signs::sign_image(&font, &layout))
            .ok();
        if let Some(drawn) = sign_images
            .drawn
            .get_mut(&(sign.kind.clone(), size.0, size.1))
        {
            drawn.0 = layout;
        }
    }
}

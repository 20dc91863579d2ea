//! Narration: plays a narrated text's audio (an exhibit, a zone or sector, a tour stop) in the
//! visitor's language. [`Narrator`] keeps its own clock, so the progress bar, the captions and
//! the tour's waiting behave the same with or without a sound device; volume and mute apply to
//! the voice playing. Without a sound device nothing is loaded or played, silently.

use bevy::{
    audio::{AudioPlayer, AudioSink, AudioSinkPlayback, AudioSource, PlaybackSettings, Volume},
    prelude::*,
};

use crate::{
    AppSystems,
    content::{
        exhibition::Exhibition,
        loading::CurrentExhibition,
        model::Lang,
        narration::{AudioState, NarrationKey, SpokenFiles, narrated_text, ogg_vorbis_seconds},
        source::ContentSource,
    },
    i18n::CurrentLang,
    quality::Loudness,
};

pub fn plugin(app: &mut App) {
    shared(app);
    app.add_message::<NarrationFinished>()
        .add_systems(Startup, say_when_silent)
        .add_systems(
            Update,
            (
                stop_on_language_change,
                run_narration_commands,
                advance_narration,
                sync_voice,
            )
                .chain()
                .in_set(AppSystems::Update),
        );
}

/// What the plugins that ask for narration (tours, panels, the kiosk) share with it; each adds
/// it, so each also works without the narration plugin (headless tests).
pub fn shared(app: &mut App) {
    if !app.world().contains_resource::<Narrator>() {
        app.init_resource::<Narrator>();
    }
    if !app.world().contains_resource::<Loudness>() {
        app.init_resource::<Loudness>();
    }
    app.add_message::<NarrationCommand>();
}

/// The content's audio files and where to read them (for their length).
#[derive(Resource, Debug, Clone)]
pub struct NarrationFiles {
    pub source: ContentSource,
    pub spoken: SpokenFiles,
}

impl NarrationFiles {
    /// Reads the audio folder of `source`; problems with its `spoken.ron` files are logged.
    pub fn read(source: &ContentSource) -> NarrationFiles {
        let (spoken, problems) = SpokenFiles::read(source);
        for problem in problems {
            warn!("{}", problem.render());
        }
        NarrationFiles {
            source: source.clone(),
            spoken,
        }
    }

    /// The audio path and the spoken text of `key` in `lang`, when its file is current.
    pub fn track(
        &self,
        exhibition: &Exhibition,
        key: &NarrationKey,
        lang: Lang,
    ) -> Option<(String, String)> {
        let text = narrated_text(exhibition, key)?.exact(lang)?.to_owned();
        (self.spoken.state(key, lang, &text) == AudioState::Current).then(|| (key.path(lang), text))
    }
}

/// Whether audio can be played: a sound device was found at start.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq)]
pub struct SoundDevice(pub bool);

impl SoundDevice {
    /// On Linux, an ALSA playback device or a PulseAudio/PipeWire server; elsewhere assumed.
    pub fn detect() -> SoundDevice {
        if !cfg!(target_os = "linux") {
            return SoundDevice(true);
        }
        let alsa = std::fs::read_dir("/dev/snd").is_ok_and(|entries| {
            entries.flatten().any(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                name.starts_with("pcmC") && name.ends_with('p')
            })
        });
        let runtime = std::env::var_os("XDG_RUNTIME_DIR").map(std::path::PathBuf::from);
        let server = std::env::var_os("PULSE_SERVER").is_some()
            || runtime.is_some_and(|dir| {
                dir.join("pulse/native").exists() || dir.join("pipewire-0").exists()
            });
        SoundDevice(alsa || server)
    }
}

fn say_when_silent(device: Option<Res<SoundDevice>>) {
    if device.is_some_and(|d| !d.0) {
        info!("no sound device found: narration runs silently (captions and tours as usual)");
    }
}

/// What is being narrated, if anything, and how loud.
#[derive(Resource, Debug, Default)]
pub struct Narrator {
    pub playing: Option<Playing>,
    /// Whether the kiosk's attract loop speaks its tour (`kiosk.ron`); a visitor's touch always
    /// may.
    pub in_attract_loop: bool,
}

/// One narration under way.
#[derive(Debug, Clone)]
pub struct Playing {
    pub key: NarrationKey,
    pub lang: Lang,
    /// The text being spoken (for the captions).
    pub text: String,
    /// Length of the audio, seconds.
    pub seconds: f32,
    /// How far it has played, seconds.
    pub position: f32,
    pub paused: bool,
    /// The entity playing the audio (none without a sound device).
    voice: Option<Entity>,
}

impl Playing {
    /// How far it has played, 0 to 1.
    pub fn progress(&self) -> f32 {
        (self.position / self.seconds.max(0.01)).clamp(0.0, 1.0)
    }

    /// The sentence being spoken now, estimated from how far the audio has played and the
    /// sentences' lengths.
    pub fn caption(&self) -> &str {
        caption_at(&self.text, self.progress())
    }
}

impl Narrator {
    /// Whether `key` is being narrated (playing or paused).
    pub fn is_narrating(&self, key: &NarrationKey) -> bool {
        self.playing.as_ref().is_some_and(|p| p.key == *key)
    }
}

/// The sentence of `text` at `progress` (0 to 1) through it, by characters.
pub fn caption_at(text: &str, progress: f32) -> &str {
    let sentences = sentences(text);
    let total: usize = sentences.iter().map(|s| s.chars().count()).sum();
    let at = (progress.clamp(0.0, 1.0) * total as f32) as usize;
    let mut counted = 0;
    for sentence in &sentences {
        counted += sentence.chars().count();
        if at < counted {
            return sentence.trim();
        }
    }
    sentences.last().map_or("", |s| s.trim())
}

/// `text` cut after each sentence end (`.`, `!`, `?` before a space, and `。！？`).
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next_is_space = chars.peek().is_none_or(|(_, n)| n.is_whitespace());
        let ends =
            matches!(c, '。' | '！' | '？') || (matches!(c, '.' | '!' | '?') && next_is_space);
        if ends {
            let end = i + c.len_utf8();
            out.push(&text[start..end]);
            start = end;
        }
    }
    if !text[start..].trim().is_empty() {
        out.push(&text[start..]);
    }
    out
}

#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub enum NarrationCommand {
    /// Speak this text in the visitor's language (nothing happens when it has no current audio).
    Play(NarrationKey),
    TogglePause,
    Stop,
}

/// A narration played to its end.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub struct NarrationFinished(pub NarrationKey);

/// Marks the entity playing the narration's audio.
#[derive(Component)]
struct NarrationVoice;

/// The volume the voice plays at.
fn volume(loudness: &Loudness) -> Volume {
    Volume::Linear(if loudness.muted {
        0.0
    } else {
        loudness.volume.clamp(0.0, 1.0)
    })
}

fn stop_on_language_change(lang: Res<CurrentLang>, mut commands: MessageWriter<NarrationCommand>) {
    if lang.is_changed() && !lang.is_added() {
        commands.write(NarrationCommand::Stop);
    }
}

#[allow(clippy::too_many_arguments)]
fn run_narration_commands(
    mut commands: Commands,
    mut requests: MessageReader<NarrationCommand>,
    mut narrator: ResMut<Narrator>,
    files: Option<Res<NarrationFiles>>,
    exhibition: Option<Res<CurrentExhibition>>,
    lang: Res<CurrentLang>,
    device: Option<Res<SoundDevice>>,
    loudness: Res<Loudness>,
    assets: Option<Res<AssetServer>>,
    sinks: Query<&AudioSink, With<NarrationVoice>>,
) {
    for request in requests.read() {
        match request {
            NarrationCommand::Play(key) => {
                stop(&mut commands, &mut narrator);
                let (Some(files), Some(exhibition)) = (files.as_deref(), exhibition.as_deref())
                else {
                    continue;
                };
                let Some((path, text)) = files.track(exhibition, key, **lang) else {
                    debug!("narration: no current audio for {key:?} in {}", lang.code());
                    continue;
                };
                let seconds = match files.source.read(&path).map_err(|e| e.to_string()) {
                    Ok(bytes) => ogg_vorbis_seconds(&bytes),
                    Err(why) => Err(format!("cannot be read: {why}")),
                };
                let seconds = match seconds {
                    Ok(seconds) => seconds,
                    Err(why) => {
                        warn!("narration: {} {why}", files.source.display(&path));
                        continue;
                    }
                };
                let playing_sound = device.as_deref().is_some_and(|d| d.0);
                let voice = match (playing_sound, assets.as_deref()) {
                    (true, Some(assets)) => {
                        let handle: Handle<AudioSource> = assets.load(path.clone());
                        let settings = PlaybackSettings::DESPAWN.with_volume(volume(&loudness));
                        Some(
                            commands
                                .spawn((AudioPlayer(handle), settings, NarrationVoice))
                                .id(),
                        )
                    }
                    _ => None,
                };
                info!(
                    "narration: {} {path} ({seconds:.1} s){}",
                    lang.code(),
                    if voice.is_some() { "" } else { ", silent" }
                );
                narrator.playing = Some(Playing {
                    key: key.clone(),
                    lang: **lang,
                    text,
                    seconds,
                    position: 0.0,
                    paused: false,
                    voice,
                });
            }
            NarrationCommand::TogglePause => {
                if let Some(playing) = narrator.playing.as_mut() {
                    playing.paused = !playing.paused;
                    if let Some(sink) = playing.voice.and_then(|v| sinks.get(v).ok()) {
                        if playing.paused {
                            sink.pause();
                        } else {
                            sink.play();
                        }
                    }
                }
            }
            NarrationCommand::Stop => stop(&mut commands, &mut narrator),
        }
    }
}

fn stop(commands: &mut Commands, narrator: &mut Narrator) {
    if let Some(voice) = narrator.playing.take().and_then(|p| p.voice) {
        commands.entity(voice).try_despawn();
    }
}

/// Runs the narration's clock; at the end the voice is gone and [`NarrationFinished`] is sent.
fn advance_narration(
    mut commands: Commands,
    time: Res<Time>,
    mut narrator: ResMut<Narrator>,
    mut finished: MessageWriter<NarrationFinished>,
) {
    let Some(playing) = narrator.playing.as_mut() else {
        return;
    };
    if !playing.paused {
        playing.position += time.delta_secs();
    }
    if playing.position >= playing.seconds {
        let key = playing.key.clone();
        stop(&mut commands, &mut narrator);
        finished.write(NarrationFinished(key));
    }
}

/// The voice follows the narration: volume and mute changes reach it while it plays, and a pause
/// asked for before its audio had loaded (before it had a sink) still holds once it has.
fn sync_voice(
    loudness: Res<Loudness>,
    narrator: Res<Narrator>,
    mut sinks: Query<&mut AudioSink, With<NarrationVoice>>,
) {
    let paused = narrator.playing.as_ref().is_some_and(|p| p.paused);
    for mut sink in &mut sinks {
        if sink.is_added() && paused {
            sink.pause();
        }
        if loudness.is_changed() {
            sink.set_volume(volume(&loudness));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captions_follow_the_sentences_in_every_script() {
        let en = "Nepal's thangka. It is huge! Made by hand.";
        assert_eq!(caption_at(en, 0.0), "Nepal's thangka.");
        assert_eq!(caption_at(en, 0.5), "It is huge!");
        assert_eq!(caption_at(en, 1.0), "Made by hand.");
        let zh = "巨幅唐卡。手工绘制。";
        assert_eq!(caption_at(zh, 0.2), "巨幅唐卡。");
        assert_eq!(caption_at(zh, 0.9), "手工绘制。");
        assert_eq!(caption_at("3.5 metres wide", 0.5), "3.5 metres wide");
        assert_eq!(caption_at("", 0.5), "");
    }
}

import { storyFileName } from './story-export.service';

describe('storyFileName', () => {
  it('gives an Arabic title a readable ASCII name, not the fallback', () => {
    const name = storyFileName('نانسانا تتعلم من كيب تاون', 'md');
    expect(name).toBe('nnsn-ttaalm-mn-kyb-twn.md');
    expect(name).toMatch(/^[a-z0-9-]+\.md$/);
  });

  it('drops the accents of French and Spanish titles', () => {
    expect(storyFileName('Été à Montréal : les écoles s’engagent', 'html')).toBe('ete-a-montreal-les-ecoles-s-engagent.html');
    expect(storyFileName('Niños y jóvenes en Medellín', 'md')).toBe('ninos-y-jovenes-en-medellin.md');
  });

  it('keeps letters and digits only, and never ends on a dash when cut', () => {
    expect(storyFileName('<script>alert(1)</script> title', 'html')).toBe('script-alert-1-script-title.html');
    const long = storyFileName(`${'a'.repeat(79)} b`, 'md');
    expect(long).toBe(`${'a'.repeat(79)}.md`);
  });

  it('falls back to "story" when nothing readable is left', () => {
    expect(storyFileName('!!! ???', 'md')).toBe('story.md');
  });
});

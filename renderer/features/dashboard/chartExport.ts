// Exports a chart as a self-contained SVG or a 2× PNG, offline and without dependencies:
// the chart's <svg> is cloned with every presentation-relevant computed style written
// inline (so fonts, colours and dashes survive outside the page), a title band is added,
// and the PNG is the SVG drawn through an <img> onto a canvas at twice the size. Files
// leave through an <a download> (the desktop API's saveReport is for xlsx/csv/pdf).

const INLINE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'paint-order',
  'display',
] as const;

const SVG_NS = 'http://www.w3.org/2000/svg';
const TITLE_BAND = 40;

export type SerialisedSvg = { markup: string; width: number; height: number };

/** The chart's drawing surface inside a container (Recharts' root <svg>). */
export function findChartSvg(container: Element): SVGSVGElement | null {
  const svg = container.querySelector('.recharts-wrapper > svg') ?? container.querySelector('svg');
  return svg instanceof SVGSVGElement ? svg : null;
}

function inlineStyles(source: Element, target: Element): void {
  const computed = window.getComputedStyle(source);
  const declarations = INLINE_PROPERTIES.map((property) => {
    const value = computed.getPropertyValue(property);
    return value ? `${property}:${value}` : '';
  }).filter((text) => text !== '');
  target.setAttribute('style', declarations.join(';'));
  target.removeAttribute('class');
}

/** A standalone SVG document of the chart with a title band above it. */
export function serialiseChartSvg(svg: SVGSVGElement, title: string): SerialisedSvg {
  const box = svg.getBoundingClientRect();
  const width = Math.ceil(box.width || Number(svg.getAttribute('width')) || 800);
  const chartHeight = Math.ceil(box.height || Number(svg.getAttribute('height')) || 400);
  const height = chartHeight + TITLE_BAND;
  const clone = svg.cloneNode(true);
  if (!(clone instanceof SVGSVGElement)) throw new Error('chart surface is not an <svg>');
  const sources = [svg, ...svg.querySelectorAll('*')];
  const targets = [clone, ...clone.querySelectorAll('*')];
  sources.forEach((source, i) => {
    const target = targets[i];
    if (target) inlineStyles(source, target);
  });
  clone.setAttribute('x', '0');
  clone.setAttribute('y', String(TITLE_BAND));
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(chartHeight));

  const root = document.createElementNS(SVG_NS, 'svg');
  root.setAttribute('xmlns', SVG_NS);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', '#ffffff');
  const heading = document.createElementNS(SVG_NS, 'text');
  heading.setAttribute('x', '16');
  heading.setAttribute('y', '26');
  heading.setAttribute(
    'style',
    `font-family:${window.getComputedStyle(svg).getPropertyValue('font-family')};font-size:16px;font-weight:600;fill:#1f1f1f`,
  );
  heading.textContent = title;
  root.append(background, heading, clone);
  return { markup: new XMLSerializer().serializeToString(root), width, height };
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('the chart image could not be drawn'));
    image.src = url;
  });
}

/** PNG of a serialised SVG at `scale` × its size (2 for crisp slides and print). */
export async function svgToPng({ markup, width, height }: SerialisedSvg, scale = 2): Promise<Blob> {
  // A data: URL (not blob:) keeps the canvas untainted and is allowed by the app's CSP.
  const image = await loadImage(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas available');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.scale(scale, scale);
  context.drawImage(image, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))),
      'image/png',
    ),
  );
}

/** A file name without characters Windows refuses. */
export function safeFileName(title: string, extension: string): string {
  const base = title.replace(/[\\/:*?"<>|\s]+/gu, '_').replace(/^_+|_+$/gu, '') || 'chart';
  return `${base}.${extension}`;
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.style.display = 'none';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Revoke later: the download may still be reading the URL.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export async function exportChart(
  container: Element,
  title: string,
  format: 'png' | 'svg',
): Promise<void> {
  const svg = findChartSvg(container);
  if (!svg) throw new Error('no chart to export');
  const serialised = serialiseChartSvg(svg, title);
  const blob =
    format === 'svg'
      ? new Blob([serialised.markup], { type: 'image/svg+xml;charset=utf-8' })
      : await svgToPng(serialised);
  downloadBlob(blob, safeFileName(title, format));
}

/** Layout checks a reader would notice: controls cut off at a panel's edge, labels shortened with "…". */
import type { Page } from '@playwright/test';

/**
 * Visible elements inside `rootSelector` that stick out past its right edge (so they are clipped or need a sideways
 * scroll), whose own text is clipped (wider content than box with overflow hidden, e.g. an ellipsis), or table
 * cells whose content spills over the next cell. Each is
 * described by tag, test id or class and its text, to read in a failed assertion.
 */
export async function clippedElements(page: Page, rootSelector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel);
    if (!root) return [`no element ${sel}`];
    const edge = root.getBoundingClientRect().right;
    const out: string[] = [];
    for (const el of Array.from(root.querySelectorAll<HTMLElement>('button, select, input, label, th, td, a, .tab, h2, h3, p'))) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const name = `${el.tagName.toLowerCase()}${el.dataset.testid ? `[${el.dataset.testid}]` : el.className ? `.${String(el.className).split(' ')[0]}` : ''} "${(el.innerText || (el as HTMLInputElement).value || '').slice(0, 30)}"`;
      if (box.right > edge + 1) out.push(`${name} ends ${Math.round(box.right - edge)} px past the edge`);
      const style = getComputedStyle(el);
      if (style.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1 && el.tagName !== 'SELECT' && el.tagName !== 'INPUT') out.push(`${name} text clipped (${el.scrollWidth} > ${el.clientWidth} px)`);
      else if (style.textOverflow === 'ellipsis' && el.tagName !== 'SELECT' && el.tagName !== 'INPUT') {
        // A button's scrollWidth does not count text cut by an ellipsis: measure the text itself.
        const range = document.createRange();
        range.selectNodeContents(el);
        const textWidth = range.getBoundingClientRect().width;
        const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        if (textWidth > room + 1) out.push(`${name} text cut by an ellipsis (${Math.round(textWidth)} > ${Math.round(room)} px)`);
      }
      // Table cells let wide content spill over their neighbours instead of clipping it.
      else if ((el.tagName === 'TD' || el.tagName === 'TH') && el.scrollWidth > el.clientWidth + 1) out.push(`${name} content wider than its cell (${el.scrollWidth} > ${el.clientWidth} px)`);
    }
    return out;
  }, rootSelector);
}
